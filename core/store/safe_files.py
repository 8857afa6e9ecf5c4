"""Opening leadline's own files so that nothing planted beside them is followed.

The data folder may be shared (a world-writable folder with the sticky bit, such as
/tmp, or a group folder): someone else could put a symbolic link where the lock, the
journal, a temporary file or the backups folder will be, and leadline would write
through it into a file of theirs choosing, or read their content as ours. So every
such file is opened with O_NOFOLLOW and O_NONBLOCK (a FIFO must not hang us), and
what was opened is checked before it is used: a regular file (or a folder, for
backups/) owned by this user or root. The data file itself may be a link the user
made; what it leads to must pass the same owner check.

A folder that another user owns, or that everybody may write without the sticky bit,
is refused outright: there others may swap files at any moment.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from leadline.core.store.errors import UnsafeFileError

NOFOLLOW = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def trusted_owner(uid: int) -> bool:
    """True for files this process may trust: its own, or root's."""
    return uid in (os.geteuid(), 0)


def _owner_problem(st: os.stat_result) -> str | None:
    if not trusted_owner(st.st_uid):
        return f"belongs to another user (uid {st.st_uid})"
    return None


def check_opened(fd: int, path: Path, what: str) -> os.stat_result:
    """fstat an opened file and refuse it unless it is a regular file of ours."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "a special file, not a regular file"
        raise UnsafeFileError(path, f"the {what} is {kind}", planted=what != "data file")
    problem = _owner_problem(st)
    if problem is not None:
        raise UnsafeFileError(path, f"the {what} {problem}")
    return st


def open_own(path: Path, flags: int, what: str, mode: int = 0o600) -> int:
    """os.open without following a symbolic link, refusing anything but a file of ours."""
    try:
        fd = os.open(path, flags | NOFOLLOW, mode)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeFileError(path, f"the {what} is a symbolic link") from None
        raise
    try:
        check_opened(fd, path, what)
    except BaseException:
        os.close(fd)
        raise
    return fd


def own_regular_file(path: Path) -> bool:
    """True if `path` itself (not what a link points to) is a regular file of ours."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and trusted_owner(st.st_uid)


def check_data_folder(folder: Path) -> None:
    """Refuse a data folder others can swap files in: another user's, or world-writable
    without the sticky bit. (A link to a folder of ours is the user's own choice.)"""
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        return  # created 0700 by us
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeFileError(folder, "the data file's folder is not a folder")
    if not trusted_owner(st.st_uid):
        raise UnsafeFileError(folder, f"the data folder belongs to another user (uid {st.st_uid})")
    if st.st_mode & stat.S_IWOTH and not st.st_mode & stat.S_ISVTX:
        raise UnsafeFileError(folder, "anyone may replace files in the data folder")


def private_folder(folder: Path) -> None:
    """Mode 0700 whatever the umask, on the folder just made (not on what replaced it)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | NOFOLLOW)
    try:
        os.fchmod(fd, 0o700)
    finally:
        os.close(fd)


def own_folder(folder: Path, *, create: bool) -> bool:
    """Check (creating it 0700 if `create`) a folder of leadline's own, such as backups/:
    it must be a real folder, not a link, owned by us. False if it is missing."""
    for _attempt in range(2):
        try:
            st = os.lstat(folder)
        except FileNotFoundError:
            if not create:
                return False
            try:
                os.mkdir(folder, 0o700)
            except FileExistsError:
                continue  # made meanwhile (by someone): look at what it is
            private_folder(folder)
            return True
        if stat.S_ISLNK(st.st_mode):
            raise UnsafeFileError(folder, "the folder is a symbolic link")
        if not stat.S_ISDIR(st.st_mode):
            raise UnsafeFileError(folder, "this should be a folder but is not")
        problem = _owner_problem(st)
        if problem is not None:
            raise UnsafeFileError(folder, f"the folder {problem}")
        return True
    raise UnsafeFileError(folder, "the folder keeps changing")
