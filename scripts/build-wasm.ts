/** Writes src/wasm/kernels.wat and assembles it to src/wasm/kernels.wasm (npm run build:wasm). */
import { writeFileSync } from 'node:fs';
import { assembleWasm } from './wasm-assemble.ts';
import { wasmSource } from './wasm-source.ts';

const wat = wasmSource();
const bytes = await assembleWasm(wat);
writeFileSync(new URL('../src/wasm/kernels.wat', import.meta.url), wat);
writeFileSync(new URL('../src/wasm/kernels.wasm', import.meta.url), bytes);
console.log(`kernels.wasm: ${bytes.length} bytes`);
