"""Run one Pelican build in this process and print its timing as JSON.

Usage: build_once.py SETTINGS_FILE_OR_EMPTY OVERRIDES_JSON [PROFILE_OUT]

The parent (bench.py) runs this in a fresh subprocess per build, so every build starts
cold, and reads the peak memory of exactly this process from os.wait4(). With a third
argument the build runs under cProfile and the stats are written there.
"""

import json
import logging
import resource
import sys
import time


def cpu_seconds() -> float:
    """CPU time of this process and of any worker processes it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main(argv: list[str]) -> None:
    started = time.perf_counter()
    from pelican import Pelican
    from pelican.log import init as init_logging
    from pelican.settings import read_settings

    init_logging(level=logging.WARNING, fatal="warnings", name="pelican")
    settings_file, overrides = argv[0] or None, json.loads(argv[1])
    settings = read_settings(settings_file, override=overrides)
    pelican = Pelican(settings)
    imported, cpu = time.perf_counter(), cpu_seconds()
    if len(argv) > 2:
        import cProfile

        # The default (wall-clock) timer: a CPU-time timer costs a system call per
        # event and inflates functions called millions of times.
        profiler = cProfile.Profile()
        profiler.runcall(pelican.run)
        profiler.dump_stats(argv[2])
    else:
        pelican.run()
    finished, cpu = time.perf_counter(), cpu_seconds() - cpu
    result = {"build": finished - imported, "cpu": cpu, "startup": imported - started}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
