/** WebAssembly text -> binary with wabt (a development dependency only; the runtime loads the .wasm). */
import wabtInit from 'wabt';

export async function assembleWasm(wat: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('kernels.wat', wat, { simd: true });
  try {
    mod.validate();
    return Uint8Array.from(mod.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    mod.destroy();
  }
}
