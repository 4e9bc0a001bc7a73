"""Why an operation on a file failed, in both languages (the system's wording is English only)."""

from __future__ import annotations

import errno

from gaudit.i18n import Bilingual

_REASONS = {
    errno.ENOSPC: Bilingual("磁盘已满", "no space left on the device"),
    errno.EACCES: Bilingual("没有权限", "permission denied"),
    errno.EPERM: Bilingual("不允许此操作", "operation not permitted"),
    errno.EROFS: Bilingual("文件系统只读", "read-only file system"),
    errno.ENOENT: Bilingual("文件或文件夹不存在", "no such file or folder"),
    errno.EISDIR: Bilingual("这是一个文件夹", "is a folder"),
    errno.ENOTDIR: Bilingual("路径中有一部分不是文件夹", "a part of the path is not a folder"),
    errno.EDQUOT: Bilingual("超出磁盘配额", "disk quota exceeded"),
}


def os_reason(exc: OSError) -> Bilingual:
    """The reason of ``exc`` in both languages (its number when gaudit has no words for it)."""
    known = _REASONS.get(exc.errno or 0)
    if known is not None:
        return known
    return Bilingual(f"系统错误 {exc.errno}", exc.strerror or type(exc).__name__)
