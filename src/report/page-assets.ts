/**
 * The report page's style sheet and its one inline script (filters, search, the blueprint's focus
 * view). Without script the page shows everything: the filter bar is hidden until the script marks
 * <html class="js">, and the focus links lead to the whole graph.
 */
export const PAGE_CSS = `:root{--ok:#1f8a3a;--warn:#b07800;--bad:#c00000;--muted:#666}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1500px;margin:0 auto;padding:0.6em 1.2em 3em;color:#1d1d1d}
h1{font-size:1.45em;margin:0.2em 0}h2{font-size:1.2em;margin:0.9em 0 0.4em}h3{font-size:1.05em;margin:0.3em 0}
a{color:#1d5fb4}code,pre{background:#f4f4f4;padding:1px 4px;border-radius:3px;font-size:0.9em}pre{white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #d6d6d6;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.meta{color:var(--muted);font-size:13px;margin:0}
.first{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:1.4em;align-items:start}
@media (max-width:1000px){.first{grid-template-columns:minmax(0,1fr)}}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(8em,1fr));gap:0.4em}.card{border:1px solid #d6d6d6;border-radius:6px;padding:0.3em 0.6em;background:#fafafa}
.card b{display:block;font-size:1.4em;line-height:1.15}.card span{font-size:12px;color:#444}.card.ok b{color:var(--ok)}.card.warn b{color:var(--warn)}.card.bad b{color:var(--bad)}
.card small{display:block;font-size:11px;color:var(--muted)}
.badge{display:inline-block;padding:0 0.45em;border-radius:3px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid transparent}
.v-verified{background:#dff3df;color:#17612b}.v-violated-as-printed{background:#fff0c2;color:#7a5200}.v-violated{background:#fbd0d0;color:#8a0000}
.v-inconclusive{background:#e6e2fa;color:#3e2f86}.v-not-reproduced{background:#e6e6e6;color:#333}
.s-substantive{border-color:#17612b;color:#17612b}.s-consistency{border-color:#888;color:#555}
table.errata{font-size:12px}table.errata td{padding:2px 5px}.printed-text math{font-size:1.05em}
table.errata.fixed{table-layout:fixed}.c-class{width:5.6em}.c-where{width:18%}.c-by{width:30%}table.errata th.num{width:3.4em}
.printed-text>div{overflow-x:auto;white-space:nowrap}.artefact{color:#777}table.errata td a{word-break:break-word}
.e-typo{background:#eef2ff;color:#283c8c}.e-false-statement{background:#fbd0d0;color:#8a0000}.e-proof-gap{background:#fff0c2;color:#7a5200}.e-not-reproduced{background:#e6e6e6;color:#333}
table.coverage tr.cov-not-checked td{background:#fff6f0}table.coverage tr.cov-not-checkable td{color:#555}
.bp-box{overflow:auto;max-height:78vh;border:1px solid #ddd;border-radius:6px;background:#fff}
.bp-box svg{display:block;max-width:none}.bp-focusbar{background:#eef4ff;border:1px solid #c8d8f5;border-radius:4px;padding:0.3em 0.6em;margin:0.3em 0;font-size:14px}
.bp-overview{border:1px solid #ddd;border-radius:6px;overflow:auto;max-height:82vh}.bp-overview svg{display:block;width:100%;height:auto}
.bp-legend{font-size:13px;margin-top:0.4em}.bp-swatch{display:inline-block;width:1.1em;height:0.9em;vertical-align:middle;margin:0 0.25em 0 0.6em}
#bp-box.focused .cluster{display:none}
nav#toc ol{margin:0.2em 0;padding-left:1.4em}nav#toc li{margin:0.1em 0}nav#toc .count{color:var(--muted);font-size:12px}
.toc-cols{columns:3 18em;column-gap:2em;font-size:14px}
.filters{display:none;gap:0.8em;flex-wrap:wrap;align-items:center;background:#f7f7f7;border:1px solid #ddd;border-radius:6px;padding:0.4em 0.7em;margin:0.5em 0;position:sticky;top:0;z-index:2}
html.js .filters{display:flex}.filters label{font-size:13px}.filters input[type=search]{width:16em}
tr.part-row th{background:#e9eef6;font-size:13px}
section.part{border-top:2px solid #bbb;margin-top:1.6em}
section.claim{border:1px solid #e0e0e0;border-radius:6px;margin:0.9em 0;padding:0.5em 0.9em;scroll-margin-top:3.2em}
section.claim h3 .id{font-family:ui-monospace,monospace;font-size:0.95em}
.where{font-size:13px;color:#333;margin:0.2em 0}
.formula{display:flex;gap:0.8em;align-items:baseline;margin:0.3em 0;overflow-x:auto}.formula .fl{flex:none;width:7.5em;font-size:12px;color:var(--muted)}
math{font-family:math,"STIX Two Math","Latin Modern Math","Cambria Math","DejaVu Math TeX Gyre"}.formula math{font-size:1.08em}
math [mathvariant=bold]{font-weight:bold;font-style:normal;text-transform:none}math [mathvariant=bold-italic]{font-weight:bold;font-style:italic;text-transform:none}
math [mathvariant=sans-serif]{font-family:system-ui,sans-serif;font-style:normal;text-transform:none}math [mathvariant=normal]{text-transform:none}.eq{display:flex;align-items:center;gap:1em}.eq>.katex{flex:1;min-width:0}.eqtag{flex:none;color:#444}.formula .fm{flex:1;min-width:0}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0.8em;margin:0.4em 0}
.pair>div{border-radius:5px;padding:0.3em 0.6em;overflow-x:auto}.pair .printed{background:#fff5f3;border:1px solid #f0c8c0}.pair .corrected{background:#f2fbf2;border:1px solid #bfe3c0}
.pair h4{margin:0;font-size:12px;color:#444;font-weight:600}.diff{background:#fffbe6;border-left:3px solid #e0b100;padding:0.3em 0.6em;margin:0.3em 0;font-size:14px}
blockquote.statement{border-left:3px solid #ccc;margin:0.4em 0;padding:0.1em 0.8em;color:#333;font-size:13.5px}
table.numbers{width:auto;min-width:50%;margin:0.4em 0}table.numbers th{width:11em;font-weight:600}
.deps{font-size:13px}details.impact summary{cursor:pointer;color:#1d5fb4}.deps a{white-space:nowrap}.fully{color:#fff;background:#1f7a35;border-radius:3px;padding:0 0.4em;font-size:12px;font-weight:600}
.tex-error{color:#a00;background:#fee}
section.claim,section.figure,#coverage{content-visibility:auto;contain-intrinsic-size:auto 520px}
@media print{section.claim,section.figure,#coverage{content-visibility:visible}.filters{display:none!important}}
[hidden]{display:none!important}`;

/**
 * The page's script: marks <html class="js">, wires the filters and the search box to the claims
 * table and the claim sections (data-verdict, data-kind, data-part, data-strength, data-search),
 * and shows a blueprint node's neighbourhood when the address ends in #focus-<node>.
 * FOCUS is {anchor: {id, label, nb: [node ids]}} (from src/blueprint/focus.ts).
 */
export function pageScript(focusJson: string): string {
  return `(function(){
var FOCUS=${focusJson};
var d=document;d.documentElement.className+=' js';
function sel(q){return Array.prototype.slice.call(d.querySelectorAll(q));}
function applyFilters(){
  var f={};sel('.filters select').forEach(function(s){f[s.name]=s.value;});
  var q=(d.getElementById('f-search')||{}).value||'';q=q.trim().toLowerCase();
  var shown=0,total=0;
  sel('[data-claim]').forEach(function(el){
    var ok=(!f.verdict||el.getAttribute('data-verdict')===f.verdict)&&(!f.kind||el.getAttribute('data-kind')===f.kind)&&
      (!f.part||el.getAttribute('data-part')===f.part)&&(!f.strength||el.getAttribute('data-strength')===f.strength)&&
      (!q||el.getAttribute('data-search').indexOf(q)>=0);
    el.hidden=!ok;if(el.tagName==='TR'){total++;if(ok)shown++;}
  });
  sel('[data-group]').forEach(function(g){var any=sel('[data-claim][data-part="'+g.getAttribute('data-group')+'"]').some(function(e){return !e.hidden;});g.hidden=!any;});
  var c=d.getElementById('f-count');if(c)c.textContent=shown+' of '+total+' claims';
}
sel('.filters select, .filters input').forEach(function(el){el.addEventListener('input',applyFilters);el.addEventListener('change',applyFilters);});
var reset=d.getElementById('f-reset');if(reset)reset.addEventListener('click',function(){sel('.filters select').forEach(function(s){s.value='';});d.getElementById('f-search').value='';applyFilters();});
var svg=d.querySelector('#bp-box svg'),box=d.getElementById('bp-box'),vb0=svg&&svg.getAttribute('viewBox'),w0=svg&&svg.getAttribute('width'),h0=svg&&svg.getAttribute('height');
function title(g){var t=g.querySelector('title');return t?t.textContent:'';}
function focus(){
  if(!svg)return;var m=/^#focus-(.+)$/.exec(location.hash),bar=d.getElementById('bp-focusbar');
  svg.setAttribute('viewBox',vb0);svg.setAttribute('width',w0);svg.setAttribute('height',h0);box.classList.remove('focused');
  sel('#bp-box g.node, #bp-box g.edge').forEach(function(g){g.style.display='';});
  var f=m&&FOCUS[decodeURIComponent(m[1])];
  if(!f){bar.hidden=true;return;}
  var keep={};f.nb.forEach(function(id){keep[id]=1;});
  var vis=[];
  sel('#bp-box g.node').forEach(function(g){var k=keep[title(g)];g.style.display=k?'':'none';if(k)vis.push(g);});
  sel('#bp-box g.edge').forEach(function(g){var e=title(g).split('->');var k=keep[e[0]]&&keep[e[1]];g.style.display=k?'':'none';if(k)vis.push(g);});
  box.classList.add('focused');
  var sr=svg.getBoundingClientRect(),vb=vb0.split(/[ ,]+/).map(Number),s=vb[2]/sr.width,x0=1e9,y0=1e9,x1=-1e9,y1=-1e9;
  vis.forEach(function(g){var r=g.getBoundingClientRect();if(!r.width&&!r.height)return;x0=Math.min(x0,r.left);y0=Math.min(y0,r.top);x1=Math.max(x1,r.right);y1=Math.max(y1,r.bottom);});
  if(x1>x0){var pad=12,nx=vb[0]+(x0-sr.left)*s-pad,ny=vb[1]+(y0-sr.top)*s-pad,nw=(x1-x0)*s+2*pad,nh=(y1-y0)*s+2*pad;
    svg.setAttribute('viewBox',nx+' '+ny+' '+nw+' '+nh);var k=Math.min(1.6,(box.clientWidth-4)/nw);svg.setAttribute('width',nw*k);svg.setAttribute('height',nh*k);}
  d.getElementById('bp-focusname').textContent=f.label;d.getElementById('bp-focuscount').textContent=f.nb.length;bar.hidden=false;
  d.getElementById('blueprint').scrollIntoView();
}
window.addEventListener('hashchange',focus);focus();applyFilters();
})();`;
}
