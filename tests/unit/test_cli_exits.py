"""However it is started or stopped, the CLI ends with an exit code and a line or two, never a traceback."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from cli_run import DATA, GOVCLOUD, ROOT, as_from_a_terminal, clean_env, run


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr


def test_closed_stdin():
    result = subprocess.run(
        [str(GOVCLOUD), "quote", "-"],
        stdin=None,
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=ROOT,
        preexec_fn=lambda: __import__("os").close(0),
    )
    _no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.strip() == "<stdin>:1: (file): standard input is closed; give a file or pipe one in"


def test_output_to_a_full_device():
    for args in (["pricebook"], ["pricebook", "--json"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [str(GOVCLOUD), *args], stdout=full, stderr=subprocess.PIPE, text=True, env=clean_env(), cwd=ROOT
            )
        _no_traceback(result)
        assert result.returncode == 1
        assert result.stderr.splitlines() == ["govcloud: cannot write the output: No space left on device"]


def test_ascii_terminal_with_names_it_cannot_show(tmp_path):
    data = tmp_path / "products.yml"
    data.write_text(DATA.read_text(encoding="utf-8").replace("name: Jira\n", "name: Jíra ☃\n", 1), encoding="utf-8")
    result = run("pricebook", "--data", str(data), env=clean_env(PYTHONIOENCODING="ascii"))
    _no_traceback(result)
    assert result.returncode == 0
    assert "J?ra ?" in result.stdout


def test_ascii_terminal_with_problems_it_cannot_show(tmp_path):
    data = tmp_path / "products.yml"
    data.write_text(DATA.read_text(encoding="utf-8").replace("term_days: 365", "term_dáys: 365", 1), encoding="utf-8")
    result = run("check", str(data), env=clean_env(PYTHONIOENCODING="ascii"))
    _no_traceback(result)
    assert result.returncode == 2
    assert "term_d\\xe1ys: unknown field" in result.stderr


def test_empty_file_name_says_no_file_given():
    result = run("quote", "")
    _no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.strip() == "govcloud: no file given; name a scenario file, or - for standard input"


def _reading(pid: int) -> bool:
    """The process is blocked in read(2): it got past its imports and waits on stdin."""
    try:
        # read(2) on descriptor 0: a read of another file (a module, the catalog, while the
        # command is still starting) is not yet the wait for standard input.
        # ("running" while it runs: no call to read.)
        call = Path(f"/proc/{pid}/syscall").read_text().split()
        return len(call) > 1 and call[0] == "0" and int(call[1], 16) == 0
    except (OSError, IndexError):
        return False


def test_ctrl_c_exits_130_with_one_line():
    process = subprocess.Popen(
        [str(GOVCLOUD), "quote", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
        cwd=ROOT,
        preexec_fn=as_from_a_terminal,
    )
    try:
        for _ in range(300):
            if _reading(process.pid):
                break
            time.sleep(0.05)
        else:
            raise AssertionError("govcloud never started reading standard input")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err.splitlines() == ["govcloud: interrupted"]
