#!/usr/bin/env python3
"""Abusive clients for src/bench/abuse.sh: loopback only, bounded in count and time.

  abuse_client.py slow-body --port P [--connections 1000] [--seconds 60] [--path /admin/login]
                            [--content-length 100000]
      N connections each send a POST with a large Content-Length and then one body byte per second
      per connection, for SECONDS; then all are closed. The anonymous session cookie of
      GET /admin/login is sent along (the login form's CSRF check needs a session before it reads
      the body). Prints how many connections were opened, answered, or dropped by the server.

  abuse_client.py logins --port P --user NAME [--count 60]
      COUNT clients each fetch the login form (own session and CSRF token), wait at a barrier, then
      all post a wrong password for NAME at once. Prints the answers by status (401 = checked,
      429 = refused by the throttle) and how long the burst took.

  abuse_client.py flood --port P [--from 100002] [--to 101400]
      GET /?fp=FROM ... /?fp=TO one after the other; prints the answers by status and the time.

  abuse_client.py probe --port P --seconds S [--interval 0.1] [--timeout 10] [--stop-file F] [--ready-file R]
                        PATH...
      Every INTERVAL seconds, one GET of each PATH on a new connection, for S seconds at most (less
      when file F appears; file R is created when sampling starts); a request
      slower than TIMEOUT counts as an error at TIMEOUT. Prints per path: samples, p50, p99, max
      latency in ms (all samples, errors included) and errors (timeouts, refused, non-200).

Every request has a time limit and every loop a fixed count or end time, so each command stops by
itself. Only 127.0.0.1 / ::1 are used.
"""
import argparse
import http.client
import ipaddress
import os
import re
import resource
import selectors
import socket
import threading
import time
from collections import Counter

HOST = "127.0.0.1"


def loopback_only(host):
    if not ipaddress.ip_address(socket.gethostbyname(host)).is_loopback:
        raise SystemExit(f"refusing {host}: loopback only")


def get(port, path, timeout, headers=None):
    """One GET on a new connection: (status or None, body bytes, headers, seconds)."""
    started = time.monotonic()
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
        return response.status, body, response.getheaders(), time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return None, b"", [], time.monotonic() - started
    finally:
        conn.close()


def session_cookie(headers):
    """The cookie the login form hands out: its signed token (admin_login), or a session on older servers."""
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith(("admin_login=", "admin_session=")):
            return value.split(";", 1)[0]
    return None


def csrf_token(body):
    match = re.search(rb'name="_csrf" value="([^"]*)"', body)
    return match.group(1).decode() if match else ""


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(p / 100 * len(ordered) + 0.999999)))
    return ordered[rank - 1]


def raise_open_files(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def slow_body(args):
    limit = raise_open_files(args.connections + 64)
    if limit < args.connections + 16:
        raise SystemExit(f"only {limit} open files allowed; lower --connections")
    status, _, headers, _ = get(args.port, args.path, 10)
    cookie = session_cookie(headers)
    head = (f"POST {args.path} HTTP/1.1\r\nHost: {HOST}:{args.port}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {args.content_length}\r\n"
            + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode()

    selector = selectors.DefaultSelector()
    opened_at = {}
    refused = 0
    open_deadline = time.monotonic() + 30
    for _ in range(args.connections):
        if time.monotonic() > open_deadline:
            refused += 1
            continue
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(5)
        try:
            sock.connect((HOST, args.port))
            sock.sendall(head + b"_")
        except OSError:
            refused += 1
            sock.close()
            continue
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ)
        opened_at[sock] = time.monotonic()
    opened = len(opened_at)
    print(f"slow-body: {opened} connections sending {args.path} (cookie: {'yes' if cookie else 'no'}), "
          f"{refused} could not connect", flush=True)

    answers = Counter()
    lifetimes = []
    alive = set(opened_at)

    def drop(sock, how):
        answers[how] += 1
        lifetimes.append(time.monotonic() - opened_at[sock])
        alive.discard(sock)
        selector.unregister(sock)
        sock.close()

    end = time.monotonic() + args.seconds
    next_byte = time.monotonic() + 1
    while alive and time.monotonic() < end:
        for key, _ in selector.select(timeout=max(0.0, min(next_byte, end) - time.monotonic())):
            sock = key.fileobj
            try:
                data = sock.recv(4096)
            except OSError:
                drop(sock, "reset")
                continue
            if not data:
                drop(sock, "closed")
            else:
                match = re.match(rb"HTTP/1\.[01] (\d{3})", data)
                drop(sock, f"answered {match.group(1).decode()}" if match else "answered ?")
        if time.monotonic() >= next_byte:
            next_byte += 1
            for sock in list(alive):
                try:
                    sock.send(b"a")
                except BlockingIOError:
                    pass
                except OSError:
                    drop(sock, "reset")
    still_open = len(alive)
    for sock in list(alive):
        selector.unregister(sock)
        sock.close()
    dropped = ", ".join(f"{how} {n}" for how, n in sorted(answers.items())) or "none"
    lifetime = (f"; they lived {percentile(lifetimes, 50):.1f} s (median), {max(lifetimes):.1f} s (max)"
                if lifetimes else "")
    print(f"slow-body: after {args.seconds} s: {still_open} of {opened} still open (closed by us now); "
          f"ended by the server: {dropped}{lifetime}", flush=True)


def logins(args):
    forms = []
    for _ in range(args.count):
        status, body, headers, _ = get(args.port, "/admin/login", 10)
        forms.append((session_cookie(headers), csrf_token(body)))
    barrier = threading.Barrier(args.count)
    answers = Counter()
    lock = threading.Lock()

    def attempt(cookie, token):
        body = f"username={args.user}&password=wrong-{time.monotonic_ns()}&_csrf={token}".encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = cookie
        conn = http.client.HTTPConnection(HOST, args.port, timeout=args.timeout)
        try:
            barrier.wait(timeout=30)
            conn.request("POST", "/admin/login", body=body, headers=headers)
            status = str(conn.getresponse().status)
        except (OSError, http.client.HTTPException, threading.BrokenBarrierError) as e:
            status = type(e).__name__
        finally:
            conn.close()
        with lock:
            answers[status] += 1

    threads = [threading.Thread(target=attempt, args=form) for form in forms]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(args.timeout + 35)
    took = time.monotonic() - started
    summary = ", ".join(f"{status} x {n}" for status, n in sorted(answers.items()))
    print(f"logins: {args.count} simultaneous wrong passwords for '{args.user}': {summary}; "
          f"{answers.get('401', 0)} were checked (401), {answers.get('429', 0)} refused (429); "
          f"took {took:.1f} s", flush=True)


def flood(args):
    answers = Counter()
    started = time.monotonic()
    for page in range(args.first, args.last + 1):
        status, _, _, _ = get(args.port, f"/?fp={page}", 10)
        answers[str(status)] += 1
    took = time.monotonic() - started
    summary = ", ".join(f"{status} x {n}" for status, n in sorted(answers.items()))
    print(f"flood: GET /?fp={args.first} ... /?fp={args.last} ({args.last - args.first + 1} pages) "
          f"in {took:.1f} s: {summary}", flush=True)


def probe(args):
    samples = {path: [] for path in args.paths}
    started = Counter()
    lock = threading.Lock()

    def one(path):
        status, _, _, seconds = get(args.port, path, args.timeout)
        with lock:
            samples[path].append((min(seconds, args.timeout), status == 200))

    threads = []
    end = time.monotonic() + args.seconds
    tick = time.monotonic()
    if args.ready_file:
        open(args.ready_file, "w").close()
    while tick < end and not (args.stop_file and os.path.exists(args.stop_file)):
        for path in args.paths:
            thread = threading.Thread(target=one, args=(path,), daemon=True)
            thread.start()
            threads.append(thread)
            started[path] += 1
        tick += args.interval
        time.sleep(max(0.0, tick - time.monotonic()))
    deadline = time.monotonic() + args.timeout + 5
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    with lock:
        for path in args.paths:
            got = list(samples[path])
            latencies = [s * 1000 for s, _ in got]
            # a request still unanswered now (past its timeout) is an error too
            errors = sum(1 for _, ok in got if not ok) + (started[path] - len(got))
            print(f"  {args.label:<12} {path:<9} samples {started[path]:>5}   p50 {percentile(latencies, 50):>8.1f} ms"
                  f"   p99 {percentile(latencies, 99):>8.1f} ms   max {max(latencies, default=float('nan')):>8.1f} ms"
                  f"   errors {errors}", flush=True)


def main():
    global HOST
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1", help="must be a loopback address (default 127.0.0.1)")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("slow-body")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--connections", type=int, default=1000)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--path", default="/admin/login")
    p.add_argument("--content-length", type=int, default=100000)
    p.set_defaults(run=slow_body)

    p = commands.add_parser("logins")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--count", type=int, default=60)
    p.add_argument("--timeout", type=float, default=120)
    p.set_defaults(run=logins)

    p = commands.add_parser("flood")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--from", dest="first", type=int, default=100002)
    p.add_argument("--to", dest="last", type=int, default=101400)
    p.set_defaults(run=flood)

    p = commands.add_parser("probe")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--interval", type=float, default=0.1)
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--label", default="")
    p.add_argument("--stop-file", help="stop sampling as soon as this file exists (--seconds stays the limit)")
    p.add_argument("--ready-file", help="created when sampling starts")
    p.add_argument("paths", nargs="+")
    p.set_defaults(run=probe)

    args = parser.parse_args()
    loopback_only(args.host)
    HOST = args.host
    args.run(args)


if __name__ == "__main__":
    main()
