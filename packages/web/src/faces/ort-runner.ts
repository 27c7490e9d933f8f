/**
 * Runs an ONNX model in the page with onnxruntime-web's WebAssembly backend: one thread (no
 * SharedArrayBuffer, so no cross-origin isolation is needed), no proxy worker, and the runtime's
 * .wasm emitted by the build into the app's own files. This module is only reached through a
 * dynamic import, so neither the runtime nor the model is part of the initial download.
 */
export interface RunnerTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

export interface OrtRunner {
  readonly outputNames: readonly string[];
  run(input: RunnerTensor): Promise<Record<string, RunnerTensor>>;
}

export async function createOrtRunner(model: Uint8Array): Promise<OrtRunner> {
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all', logSeverityLevel: 3 });
  const inputName = session.inputNames[0];
  if (inputName === undefined) throw new Error('the face model has no input');
  return {
    outputNames: session.outputNames,
    async run(input) {
      const result = await session.run({ [inputName]: new ort.Tensor('float32', input.data, input.dims) });
      const outputs: Record<string, RunnerTensor> = {};
      for (const [name, value] of Object.entries(result)) outputs[name] = { data: value.data as Float32Array, dims: value.dims };
      return outputs;
    },
  };
}
