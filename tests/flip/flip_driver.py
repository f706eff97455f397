"""flip_driver.py - what flip_tables.py and flip_alignments.py share: the command line, the pool of variants, the
repro folders and the summary line ("N passed, N failed").  A script gives its bases and a run_variant(job) whose
job is (binary, i, seed, out) and whose result is {'skipped': True} or {op, case, rc, probs, err, wd}."""
import argparse
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

from flip import TOP


BASES = None     # in each worker: the bases it draws from (set by init)


def init(bases):
    global BASES
    BASES = bases


def args(name, count, seconds):
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(TOP, 'mcrc-report'))
    ap.add_argument('--seed', default='1')
    ap.add_argument('--count', type=int, default=count)
    ap.add_argument('--seconds', type=float, default=seconds)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--out', default=os.path.join(TOP, 'tests', 'out', name))
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)
    os.makedirs(a.out, exist_ok=True)
    return a


def keep_repro(wd, out, i):
    """A failing variant's files, kept for a look: OUT/repro-I."""
    keep = os.path.join(out, 'repro-%d' % i)
    shutil.copytree(wd, keep, dirs_exist_ok=True)
    return keep


def scratch(out):
    return tempfile.mkdtemp(dir=out)


def drive(a, bases, run_variant, what):
    """Run a.count variants (within a.seconds) over bases; print failures and the summary; 0 or 1."""
    if not bases:
        print('no %s gives a report: nothing to vary' % what)
        print('0 passed, 1 failed')
        return 1
    t0, npass, nfail, nskip = time.time(), 0, 0, 0
    with ProcessPoolExecutor(max_workers=a.jobs, initializer=init, initargs=(bases,)) as ex:
        futs = [ex.submit(run_variant, (a.bin, i, a.seed, a.out)) for i in range(a.count)]
        for f in futs:
            if time.time() - t0 > a.seconds:
                f.cancel()
                continue
            r = f.result()
            if r.get('skipped'):
                nskip += 1
            elif r['probs']:
                nfail += 1
                print('FAIL op=%s case=%s rc=%s %s (%s) repro=%s' % (r['op'], r['case'], r['rc'], '; '.join(r['probs']),
                                                                  r['err'][:120], r['repro']))
            else:
                npass += 1
    print('INFO %d variants skipped (no base the operator applies to)' % nskip)
    print('%d passed, %d failed' % (npass, nfail))
    return 1 if nfail else 0
