"""What a query worker may do: no network, a bounded amount of memory, no life after its service.

The SPARQL parser refuses SERVICE, but a parser can miss a form; so a worker also cannot open a
network socket at all. A seccomp filter makes `socket()` fail with EACCES for every family but
AF_UNIX (the worker's pipe to its parent is made before the filter) and refuses io_uring, which
could open sockets without `socket()`. It needs no privileges: only `PR_SET_NO_NEW_PRIVS`, which any
process may set on itself, on Linux ≥ 3.17 on x86_64 or aarch64. Memory is capped with
RLIMIT_DATA, which counts the heap and private anonymous mappings but not the store's files; an
allocation beyond it aborts the worker, which the pool reports and replaces.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import resource
import signal
import socket
import struct

from proveniens.errors import ProveniensError

# seccomp ABI (linux/seccomp.h, linux/filter.h, linux/audit.h)
_LD_W_ABS = 0x20
_JEQ = 0x15
_JGE = 0x35
_RET = 0x06
_ALLOW = 0x7FFF0000
_ERRNO = 0x00050000
_SET_MODE_FILTER = 1
_FLAG_TSYNC = 1  # apply to every thread of the process, not only the caller
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_PDEATHSIG = 1
_X32_BIT = 0x40000000

# architecture → (AUDIT_ARCH, seccomp, socket, io_uring_setup) system call numbers
_ARCHES = {
    "x86_64": (0xC000003E, 317, 41, 425),
    "aarch64": (0xC00000B7, 277, 198, 425),
}


class SandboxUnavailable(ProveniensError):
    """This host cannot confine a worker's network; the message says why."""


def _filter(arch: int, nr_socket: int, nr_io_uring: int) -> bytes:
    """A BPF program: other ABIs and io_uring → EPERM; socket(family≠AF_UNIX) → EACCES; the rest allowed."""
    program = [
        (_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        (_JEQ, 1, 0, arch),
        (_RET, 0, 0, _ERRNO | errno.EPERM),
        (_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
        (_JGE, 0, 1, _X32_BIT),
        (_RET, 0, 0, _ERRNO | errno.EPERM),
        (_JEQ, 0, 1, nr_io_uring),
        (_RET, 0, 0, _ERRNO | errno.EPERM),
        (_JEQ, 0, 3, nr_socket),
        (_LD_W_ABS, 0, 0, 16),  # seccomp_data.args[0], low word: the address family
        (_JEQ, 1, 0, socket.AF_UNIX),
        (_RET, 0, 0, _ERRNO | errno.EACCES),
        (_RET, 0, 0, _ALLOW),
    ]
    return b"".join(struct.pack("=HBBI", *instruction) for instruction in program)


def deny_network() -> None:
    """Forbid this process (all its threads) to open any but Unix sockets; raise SandboxUnavailable if it can't."""
    machine = platform.machine()
    if machine not in _ARCHES:
        raise SandboxUnavailable(f"no seccomp filter is written for the {machine} architecture")
    arch, nr_seccomp, nr_socket, nr_io_uring = _ARCHES[machine]
    code = _filter(arch, nr_socket, nr_io_uring)
    buffer = ctypes.create_string_buffer(code, len(code))
    program = struct.pack("=HxxxxxxQ", len(code) // 8, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise SandboxUnavailable(f"prctl(PR_SET_NO_NEW_PRIVS) failed: {errno.errorcode[ctypes.get_errno()]}")
    fprog = ctypes.create_string_buffer(program, len(program))
    if libc.syscall(nr_seccomp, _SET_MODE_FILTER, _FLAG_TSYNC, fprog) != 0:
        raise SandboxUnavailable(f"seccomp(SET_MODE_FILTER) failed: {errno.errorcode[ctypes.get_errno()]}")


def die_with_parent(parent: int) -> None:
    """Be killed when the process that started this one ends, however it ends (PR_SET_PDEATHSIG).

    Without it a worker whose service was killed would run its query on, orphaned, to the end.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)


def cap_memory(limit: int) -> None:
    """Cap the private memory of this process at `limit` bytes (RLIMIT_DATA)."""
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
