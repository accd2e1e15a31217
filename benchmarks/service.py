"""The decision service under load, against in-process ``decide_json`` in the same run.

    .venv/bin/python -m benchmarks.service                 # the issue's full workload
    .venv/bin/python -m benchmarks.service --seconds 15 --rss 10000,30000   # briefly

Not part of the test suite. On 科右前旗 (drawn complaints, :mod:`benchmarks.complaints`,
those the policy decides without error), with one server process on loopback:

1. in-process ``decide_json``: decisions per second (one thread), the baseline;
2. ``decide`` over HTTP at a fixed rate (``--rate``, default 500/s) for ``--seconds``
   (default 60), an open loop paced per client thread, each on a keep-alive connection:
   the rate reached, p50/p99 latency (client side, request sent to body read), errors;
3. ``decideBatch``: batches of ``--batch`` (default 1,000), back to back: decisions/s;
4. ``serve --stdio``: a writer thread sends request lines while the main thread reads the
   replies: decisions/s, and its ratio to (1);
5. server RSS after ``--rss`` requests (default 10,000 then 100,000), sent as fast as a
   few connections go.

Targets (issue 18, a 2-core machine): (2) 500/s for 60 s with p50 ≤ 1 ms, p99 ≤ 5 ms and
no error; (3) ≥ 10,000 decisions/s; (4) ≥ 70 % of (1); (5) RSS at 100,000 within 10 % of
RSS at 10,000. The results are printed and written to ``benchmarks/results/`` as JSON.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from complaint_rules import Catalog, decide_json

from .complaints import complaints

POLICY = "keyouqianqi_credit_union"
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _bodies(n: int) -> list[bytes]:
    policy = Catalog().load(POLICY)
    out: list[bytes] = []
    for c in complaints(policy, n * 2):
        try:
            decide_json(policy, c)
        except Exception:
            continue
        out.append(json.dumps(c, ensure_ascii=False).encode())
        if len(out) == n:
            break
    return out


def in_process(bodies: list[bytes], seconds: float) -> dict[str, Any]:
    policy = Catalog().load(POLICY)
    items = [json.loads(b) for b in bodies]
    for c in items[:200]:
        decide_json(policy, c)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for c in items:
            decide_json(policy, c)
        count += len(items)
    elapsed = time.perf_counter() - started
    return {"decisions": count, "seconds": elapsed, "per_second": count / elapsed}


class _Server:
    def __init__(self) -> None:
        self.port = _free_port()
        self.log = open(os.devnull, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                str(BIN / "complaint-rules"),
                "serve",
                "--port",
                str(self.port),
                "--max-items",
                "100000",
                "--max-body",
                "100000000",
            ],
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = self.request("GET", "/healthz")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        conn: http.client.HTTPConnection | None = None,
    ) -> tuple[int, bytes]:
        c = conn or self.connect()
        c.request(method, path, body=body, headers={"Content-Type": "application/json"})
        r = c.getresponse()
        data = r.read()
        if conn is None:
            c.close()
        return r.status, data

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


def paced_decide(
    server: _Server, bodies: list[bytes], rate: float, seconds: float, threads: int = 4
) -> dict[str, Any]:
    path = f"/v1/policies/{POLICY}/decide"
    latencies: list[list[float]] = [[] for _ in range(threads)]
    errors = [0] * threads
    late = [0] * threads
    start = time.perf_counter() + 0.2
    interval = threads / rate

    def client(k: int) -> None:
        conn = server.connect()
        i, n = 0, k
        while True:
            due = start + i * interval + k * (interval / threads)
            if due - start > seconds:
                break
            now = time.perf_counter()
            if now < due:
                time.sleep(due - now)
            elif now - due > interval:
                late[k] += 1
            sent = time.perf_counter()
            try:
                status, _ = server.request("POST", path, bodies[n % len(bodies)], conn)
            except OSError:
                status = 0
                conn = server.connect()
            latencies[k].append(time.perf_counter() - sent)
            if status != 200:
                errors[k] += 1
            i += 1
            n += threads

    workers = [threading.Thread(target=client, args=(k,)) for k in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    everything = [x for per in latencies for x in per]
    elapsed = time.perf_counter() - start
    return {
        "target_rate": rate,
        "requests": len(everything),
        "seconds": elapsed,
        "rate": len(everything) / elapsed,
        "p50_ms": _percentile(everything, 0.5) * 1000,
        "p99_ms": _percentile(everything, 0.99) * 1000,
        "max_ms": max(everything) * 1000,
        "errors": sum(errors),
        "sent_late": sum(late),
    }


def batches(server: _Server, bodies: list[bytes], size: int, seconds: float) -> dict[str, Any]:
    path = f"/v1/policies/{POLICY}/decide-batch"
    items = [bodies[i % len(bodies)] for i in range(size)]
    body = b"[" + b",".join(items) + b"]"
    conn = server.connect()
    server.request("POST", path, body, conn)  # warm
    count, started, times = 0, time.perf_counter(), []
    while time.perf_counter() - started < seconds:
        sent = time.perf_counter()
        status, _ = server.request("POST", path, body, conn)
        times.append(time.perf_counter() - sent)
        if status != 200:
            raise RuntimeError(f"decideBatch answered {status}")
        count += size
    elapsed = time.perf_counter() - started
    return {
        "batch": size,
        "decisions": count,
        "seconds": elapsed,
        "per_second": count / elapsed,
        "p50_batch_ms": statistics.median(times) * 1000,
    }


def stdio(bodies: list[bytes], n: int) -> dict[str, Any]:
    process = subprocess.Popen(
        [str(BIN / "complaint-rules"), "serve", "--stdio"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdout.readline()
    lines = [
        b'{"id":%d,"op":"decide","policy":"%s","complaint":' % (i, POLICY.encode())
        + bodies[i % len(bodies)]
        + b"}\n"
        for i in range(n)
    ]

    def write() -> None:
        assert process.stdin is not None
        for line in lines:
            process.stdin.write(line)
        process.stdin.close()

    started = time.perf_counter()
    writer = threading.Thread(target=write)
    writer.start()
    ok = 0
    for _ in range(n):
        if b'"ok":true' in process.stdout.readline()[:60]:
            ok += 1
    elapsed = time.perf_counter() - started
    writer.join()
    process.wait(timeout=30)
    return {"decisions": n, "ok": ok, "seconds": elapsed, "per_second": n / elapsed}


def rss(server: _Server, bodies: list[bytes], marks: list[int], threads: int = 4) -> dict[str, Any]:
    path = f"/v1/policies/{POLICY}/decide"
    out: dict[str, Any] = {"start_kib": _rss_kib(server.process.pid)}
    done = 0
    for mark in marks:
        todo = mark - done
        per = todo // threads

        def client(k: int, per: int = per) -> None:
            conn = server.connect()
            for i in range(per):
                server.request("POST", path, bodies[(k + i * threads) % len(bodies)], conn)

        started = time.perf_counter()
        workers = [threading.Thread(target=client, args=(k,)) for k in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        done += per * threads
        out[f"after_{mark}_kib"] = _rss_kib(server.process.pid)
        out[f"rate_to_{mark}"] = per * threads / (time.perf_counter() - started)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=60.0, help="decide at --rate for this long"
    )
    parser.add_argument("--rate", type=float, default=500.0)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--batch-seconds", type=float, default=10.0)
    parser.add_argument("--stdio-lines", type=int, default=20000)
    parser.add_argument("--rss", default="10000,100000", help="request counts to read RSS at")
    parser.add_argument("--note", default="")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)

    bodies = _bodies(2000)
    load_before = os.getloadavg()
    result: dict[str, Any] = {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_before": load_before,
        },
        "note": args.note,
        "complaints": len(bodies),
    }
    result["in_process"] = in_process(bodies, 5.0)
    print("in-process decide_json:", json.dumps(result["in_process"]))
    server = _Server()
    try:
        result["decide"] = paced_decide(server, bodies, args.rate, args.seconds)
        print("decide over HTTP:", json.dumps(result["decide"]))
        result["decide_batch"] = batches(server, bodies, args.batch, args.batch_seconds)
        print("decideBatch:", json.dumps(result["decide_batch"]))
        result["rss"] = rss(server, bodies, [int(x) for x in args.rss.split(",")])
        print("server RSS:", json.dumps(result["rss"]))
    finally:
        server.stop()
    result["stdio"] = stdio(bodies, args.stdio_lines)
    result["stdio"]["of_in_process"] = (
        result["stdio"]["per_second"] / result["in_process"]["per_second"]
    )
    print("serve --stdio:", json.dumps(result["stdio"]))
    result["machine"]["load_after"] = os.getloadavg()
    target = args.output or HERE / "results" / (
        datetime.now().strftime("%Y-%m-%d-%H%M") + f"-{platform.node()}-service.json"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("written:", target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
