"""What the largest replies the wire format allows cost the trusted process that reads them.

    python -m benchmarks.reply_bounds

Student code shares the sandboxed child's process, so it can write any bytes on
the channel (testing/hostile_cases.py, "flood the judge"). For each shape of
message that expands most when parsed, this builds the largest one within
`grader._student_code.wire`'s bounds and one just past them, writes it into a pipe and
has a fresh process read and decode it with `read_message`, as the trusted
worker does, and prints that process's peak resident memory during the read
above what it held before (VmHWM, reset through /proc/self/clear_refs). A
message past a bound must be refused; one within must cost at most a small
multiple of MAX_MESSAGE.
"""
from __future__ import annotations

import json
import subprocess
import sys

from grader._student_code.wire import MAX_MESSAGE, MAX_STRING, MAX_VALUES

READER = r"""
from grader._student_code.wire import ProtocolError, read_message
def kib(field):
    return int(open("/proc/self/status").read().split(field + ":")[1].split()[0])
open("/proc/self/clear_refs", "w").write("5")  # the peak (VmHWM) starts again from here
base = kib("VmRSS")
try:
    read_message(0)  # the message comes on stdin, from another process, as the child's do
    verdict = "decoded"
except ProtocolError as exc:
    verdict = "refused: " + str(exc)[:70]
print(f"{(kib('VmHWM') - base) / 1024:.0f} MiB above the baseline; {verdict}")
"""


def shapes():
    """(name, body) for the largest message of each shape within the bounds, then one past them."""
    per_value = MAX_VALUES // 2 - 2  # "[]," and "{}," count twice: an opening and a comma
    yield "empty lists, within", b"[" + b"[]," * per_value + b"[]]"
    yield "empty dicts, within", b"[" + b"{}," * per_value + b"{}]"
    yield "empty lists, past", b"[" + b"[]," * (MAX_VALUES // 2 + 1) + b"[]]"
    yield "zeros, within", b"[" + b"0," * (MAX_VALUES - 3) + b"0]"
    width = min(MAX_STRING, MAX_MESSAGE // (MAX_VALUES - 3) - 3)
    yield f"strings of {width}, within", b"[" + (b'"' + b"x" * width + b'",') * (MAX_VALUES - 3) + b'""]'
    strings = MAX_MESSAGE // (MAX_STRING + 3) - 1
    yield f"{strings} strings of {MAX_STRING}", b"[" + (b'"' + b"x" * MAX_STRING + b'",') * strings + b'""]'
    payload = (MAX_MESSAGE - 100) // 4 * 3 // 24 * 24  # bytes: a multiple of 8 (float64) and of 3 (base64)
    array = json.dumps({"__nd__": ["float64", [payload // 8], "A" * (payload // 3 * 4)]}).encode()
    yield "one array, within", array if len(array) <= MAX_MESSAGE else b"[]"
    yield "bytes, past", b'"' + b"x" * MAX_MESSAGE + b'"'


def main() -> int:
    print(f"bounds: MAX_MESSAGE {MAX_MESSAGE // 2**20} MiB, MAX_VALUES {MAX_VALUES}, MAX_STRING {MAX_STRING}")
    for name, body in shapes():
        reader = subprocess.Popen([sys.executable, "-c", READER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=False)
        try:
            reader.stdin.write(len(body).to_bytes(8, "big") + body)
            reader.stdin.close()
        except BrokenPipeError:
            pass  # refused from the header alone
        said = reader.stdout.read().decode().strip().splitlines() or ["(nothing)"]
        reader.wait()
        print(f"{name:28} {len(body) / 2**20:6.1f} MiB: {said[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
