"""The lines a web page puts around a published table: breadcrumbs, 索引号, 发布机构, 字号,
`扫一扫在手机打开当前页`, `[下载] [打印] [关闭]`. Text copied from a government site keeps them;
they are left out and counted apart, as page headers and footers are, never read as content.
"""

from __future__ import annotations

import re

from jixiao.importers.text import label

_DEBRIS = re.compile(
    r"^(?:"
    r"(?:当前位置:?)?首页[>»›]"  # a breadcrumb: 首页 > 信息公开 > …
    r"|当前位置:"
    r"|(?:索引号|发布机构|发布日期|发文机关|成文日期|发布时间|来源|信息来源|浏览次数|点击数|字号):"
    r"|扫一扫在手机(?:上)?打开当前页"
    r"|(?:[\[【]\s*(?:下载|打印|关闭|打印本页|关闭窗口|收藏|分享)\s*[\]】])+$"
    r"|分享到:"
    r")"
)


def is_debris(text: str) -> bool:
    """Whether a line is a web page's furniture (compared as a label: NFKC, no spaces, so
    `字号：[大]` and `首页 ＞ 信息公开` are known)."""
    written = label(text)
    return bool(written) and _DEBRIS.match(written) is not None
