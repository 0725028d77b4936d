/** fast-check arbitraries for the paper's random instances (see each file for details). */
export { seedArb, MAX_SEED, withReplay } from './seed.ts';
export { type DimSpec, type DimensionOptions, dimensionArb, dimRange, dimSpecArb, smallDimensionArb } from './dimension.ts';
export { type HermitianKind, type HermitianParams, type HermitianSample, buildHermitian, hermitianArb } from './hermitian.ts';
export { type UnitaryParams, type UnitarySample, buildHaarUnitary, haarUnitaryArb } from './unitary.ts';
export { type StatesParams, type StatesSample, buildOrthonormalStates, orthonormalStatesArb } from './states.ts';
export { type DatasetParams, type DatasetSample, buildDataset, datasetArb } from './dataset.ts';
