/**
 * Types of the figure experiments (`qnn-verify figures`): tasks (independent, serialisable units
 * of work that a worker thread runs from a seed), their results, and the data of one figure.
 */

/** quick and paper are the CLI's presets; test is a tiny grid for the unit tests. */
export type PresetName = 'quick' | 'paper' | 'test';
export const PRESETS: readonly PresetName[] = ['quick', 'paper'];

export const FIGURE_IDS = [1, 2, 3, 4, 5, 6] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/**
 * An appendix-D QNN instance (periodic ansatz, Haar U_l, diagonal H with Z = 1, m orthonormal
 * states, balanced labels, M0 = gamma diag(+-1), theta(0) = 0), built in the worker as
 * appendixDInstance(makeRng(seed).fork(label), {d, m, p, gamma}). gamma does not enter the
 * draws, so the same (seed, label) gives the same U_l, states and labels for every gamma.
 */
export interface QnnSpec {
  seed: number;
  label: string;
  d: number;
  m: number;
  p: number;
  gamma: number;
}

/** What to record along a QNN training run, at the recorded points. */
export interface RecordSpec {
  /** Predictions yhat_j. */
  yhat?: boolean;
  /** lambda_min(K_asym(M(theta))) of eq. (7), from one forward pass (O(p m d^2)). */
  kasym?: boolean;
  /** First iteration (or flow time) with L < each threshold. */
  thresholds?: number[];
}

/** Gradient descent, the paper's protocol: theta <- theta - lr grad L (appendix D). */
export interface GdTask extends RecordSpec {
  kind: 'gd';
  key: string;
  qnn: QnnSpec;
  lr: number;
  steps: number;
  recordEvery: number;
  /** Stop as soon as L < stopBelow (the iteration is recorded). */
  stopBelow?: number;
  /**
   * Also integrate the compressed asymptotic dynamics (p -> infinity, eq. 10) from this
   * instance's own A(0) = V^dag M(theta0) V, reported on the iteration axis
   * (tau = iterations * lr * p / m, the time of Lemma 4.1's eta = (m/p)(d^2-1)/tr(H^2)).
   */
  asymOverlay?: boolean;
}

/** Gradient flow d theta/dt = -eta grad L (adaptive Dormand-Prince), eta = lr: t = iterations. */
export interface FlowTask extends RecordSpec {
  kind: 'flow';
  key: string;
  qnn: QnnSpec;
  eta: number;
  tEnd: number;
  /** Output every `recordEvery` time units (the GD record grid). */
  recordEvery: number;
  rtol: number;
  atol: number;
}

/**
 * The asymptotic dynamics of eq. (119), M(0) = gamma U diag(+1..,-1..) U^dag with U Haar, m
 * orthonormal states with balanced labels. Integrated in its exact compressed form (the m x m
 * matrix A = V^dag M V, see src/dynamics/compressed.ts); `crossCheck` also runs the d x d
 * isospectral CF4 integrator (asymptoticFlow) on the same instance and reports the difference.
 */
export interface AsymTask {
  kind: 'asym';
  key: string;
  seed: number;
  label: string;
  d: number;
  m: number;
  gamma: number;
  tEnd: number;
  /** Number of output times (uniform in t) after t = 0. */
  nOut: number;
  crossCheck?: { tol: number };
}

export type Task = GdTask | FlowTask | AsymTask;

export interface Trace {
  /** Iterations (GD) or flow time (t = iterations for eta = lr). */
  t: number[];
  loss: number[];
  yhat?: number[][];
  lambdaMin?: number[];
}

export interface GdResult {
  kind: 'gd';
  key: string;
  trace: Trace;
  /** Iterations performed (steps, or fewer when stopped). */
  iterations: number;
  /** Per threshold: first iteration with L < threshold (exact: every iteration is checked), or null. */
  firstBelow: (number | null)[];
  overlay?: { t: number[]; loss: number[]; lambdaMin: number[] };
  timeMs: number;
}

export interface FlowResult {
  kind: 'flow';
  key: string;
  trace: Trace;
  /** Per threshold: first time with L < threshold (log-linear interpolation between outputs), or null. */
  firstBelow: (number | null)[];
  stats: { accepted: number; rejected: number; rhsEvals: number };
  timeMs: number;
}

export interface AsymCrossCheck {
  /** max over outputs and entries of |K_asym(compressed) - K_asym(CF4, d x d)|. */
  maxDiffK: number;
  /** max over outputs of |L(compressed) - L(CF4)|. */
  maxDiffLoss: number;
  steps: number;
  spectrumDrift: number;
  timeMs: number;
}

export interface AsymResult {
  kind: 'asym';
  key: string;
  t: number[];
  loss: number[];
  lambdaMin: number[];
  /** ||K(t) - K(0)||_F / ||K(0)||_F. */
  relChangeF: number[];
  /** ||K(t) - K(0)||_op / ||K(0)||_op. */
  relChangeOp: number[];
  rhsEvals: number;
  cross?: AsymCrossCheck;
  timeMs: number;
}

export type TaskResult = GdResult | FlowResult | AsymResult;

/** One phase of a figure: tasks of one kind, timed together. */
export interface Phase {
  name: string;
  tasks: Task[];
}

/** A check of one of the text's statements against the experiment's data. */
export interface FigureCheck {
  id: string;
  /** The paper's statement (quoted or paraphrased with the reference). */
  statement: string;
  /** How it is measured, the threshold and why. */
  criterion: string;
  /** The measured number(s), as displayed. */
  measured: string;
  holds: boolean;
  details?: Record<string, number | string | boolean | null>;
}

export interface PhaseTiming {
  phase: string;
  tasks: number;
  wallMs: number;
  /** Sum of the tasks' own times (CPU time of the workers, roughly). */
  taskMs: number;
}

export interface FigureData {
  figure: FigureId;
  title: string;
  /** The paper's caption, abridged, and what this reproduction shows. */
  caption: string;
  preset: PresetName;
  seed: number;
  settings: Record<string, unknown>;
  notes: string[];
  checks: FigureCheck[];
  /** Plot rows (vega-lite data), by data set name. */
  data: Record<string, Record<string, number | string | null>[]>;
  timing: PhaseTiming[];
}

export interface FigureModule {
  id: FigureId;
  title: string;
  phases(preset: PresetName, seed: number): Phase[];
  assemble(results: ReadonlyMap<string, TaskResult>, preset: PresetName, seed: number): Omit<FigureData, 'timing'>;
  /** vega-lite specification of the figure (data inline). */
  spec(data: FigureData): Record<string, unknown>;
}

/** What `qnn-verify figures` writes next to the figures (summary.json). */
export const SUMMARY_FILE = 'summary.json';

export interface FigureTiming extends PhaseTiming { figure: FigureId }

export interface FiguresSummary {
  schemaVersion: 1;
  preset: PresetName;
  seed: number;
  figures: FigureId[];
  generatedAt: string;
  machine: { node: string; cpus: number; jobs: number };
  shards?: string[];
  /** Set by `figures --merge` when shards or tasks are missing: only the complete figures were written. */
  partial?: { missingShards: string[]; missingTasks: string[]; figuresOmitted: FigureId[] };
  timing: FigureTiming[];
  totalWallMs: number;
  checks: { figure: FigureId; id: string; holds: boolean; measured: string; criterion: string; statement: string }[];
  files: string[];
}
