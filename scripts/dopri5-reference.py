"""Reference step sequences of Hairer's Fortran DOPRI5, for test/integrate/dopri5-hairer.test.ts.

SciPy's `ode(...).set_integrator('dopri5')` wraps the original Fortran code of Hairer & Wanner;
its solout callback reports every accepted step. With beta = 0.04 (Hairer's default; SciPy's own
default is 0) and first_step = 0 (the automatic HINIT), it runs the controller src/integrate/dopri5.ts
implements. This script records, for each problem of PROBLEMS (mirrored by name in the test), the
accepted times and states and the counters NFCN, NSTEP, NACCPT, NREJCT, into
test/fixtures/dopri5-hairer.json.

    python3 scripts/dopri5-reference.py      # needs numpy and scipy; not needed to run the tests
"""
import json
import math
import os

import numpy as np
import scipy
from scipy.integrate import ode


def decay(t, y):
    return [-20.0 * y[0]]


def nonautonomous(t, y):
    return [y[0] * math.cos(t) - y[1], y[0] + 0.3 * math.sin(2.0 * t) * y[1], -0.5 * y[2] + t]


def van_der_pol(t, y):
    return [y[1], 10.0 * (1.0 - y[0] * y[0]) * y[1] - y[0]]


def oscillator(t, y):
    return [y[1], -y[0]]


def zero(t, y):
    return [0.0, 0.0]


def ramp(t, y):
    return [t]


def jump(t, y):
    return [1.0 if t >= 1.0 else 0.0]


# name: (rhs, t0, y0, tEnd, rtol, atol, h0 (0 = automatic), hMax (0 = tEnd - t0))
PROBLEMS = {
    "decay": (decay, 0.0, [1.0], 2.0, 1e-6, 1e-6, 0.0, 0.0),
    "decay-h0": (decay, 0.0, [1.0], 2.0, 1e-6, 1e-6, 1.0, 0.0),
    "nonautonomous": (nonautonomous, 0.5, [1.0, 0.0, 1e-3], 6.0, 1e-8, 1e-10, 0.0, 0.0),
    "van-der-pol": (van_der_pol, 0.0, [2.0, 0.0], 20.0, 1e-5, 1e-7, 0.0, 0.0),
    "oscillator-hmax": (oscillator, 0.0, [1.0, 0.0], 10.0, 1e-4, 1e-6, 0.0, 0.3),
    "zero": (zero, 0.0, [0.0, 0.0], 1.0, 1e-6, 1e-8, 0.0, 0.0),
    "ramp": (ramp, 0.0, [0.0], 3.0, 1e-7, 1e-8, 0.0, 0.0),
    "ramp-from-one": (ramp, 0.0, [1.0], 3.0, 1e-7, 1e-8, 0.0, 0.0),
    "jump": (jump, 0.0, [0.0], 3.0, 1e-6, 1e-6, 0.0, 0.0),
    "decay-negative-t0": (decay, -1.0, [1.0], 1.0, 1e-6, 1e-6, 0.0, 0.0),
}


def run(rhs, t0, y0, t_end, rtol, atol, h0, h_max):
    steps = []
    solver = ode(rhs).set_integrator(
        "dopri5", rtol=rtol, atol=atol, first_step=h0, max_step=h_max, beta=0.04, nsteps=100000
    )
    solver.set_solout(lambda t, y: steps.append([float(t)] + [float(v) for v in y]))
    solver.set_initial_value(np.array(y0, dtype=float), t0)
    solver.integrate(t_end)
    if not solver.successful():
        raise RuntimeError("dopri5 failed")
    nfcn, nstep, naccpt, nrejct = (int(v) for v in solver._integrator.iwork[16:20])
    return {
        "t0": t0, "y0": y0, "tEnd": t_end, "rtol": rtol, "atol": atol, "h0": h0, "hMax": h_max,
        "nfcn": nfcn, "nstep": nstep, "naccpt": naccpt, "nrejct": nrejct,
        "t": [s[0] for s in steps], "y": [s[1:] for s in steps],
    }


def main():
    out = {
        "source": f"Hairer's Fortran DOPRI5 through scipy {scipy.__version__} (scipy.integrate.ode, beta = 0.04)",
        "problems": {name: run(*spec) for name, spec in PROBLEMS.items()},
    }
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "dopri5-hairer.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    for name, p in out["problems"].items():
        print(f"{name}: nstep {p['nstep']} naccpt {p['naccpt']} nrejct {p['nrejct']} nfcn {p['nfcn']}")


if __name__ == "__main__":
    main()
