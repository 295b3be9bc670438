"""The article page's highlighting: the sweep over passage boundaries gives exactly the HTML
of the direct way (every passage tested for every piece), on random passages."""

from __future__ import annotations

from itertools import pairwise

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.passages import _paragraphs, highlighted_text, passage_anchor


def direct(text, spans):
    """The former implementation, kept here as the reference."""
    n = len(text)
    spans = [(max(0, s), min(n, e), k, label, url) for s, e, k, label, url in spans if s < e <= n]
    cuts = sorted({0, n, *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out, anchored = [], set()
    for a, b in pairwise(cuts):
        piece = text[a:b]
        covering = [(i, sp) for i, sp in enumerate(spans) if sp[0] <= a and b <= sp[1]]
        if not covering:
            out.append(_paragraphs(piece))
            continue
        covering.sort(key=lambda item: -(item[1][1] - item[1][0]))
        _, inner = covering[-1]
        html = format_html(
            '<a href="{}">{}</a>', inner[4], mark_safe(_paragraphs(piece, inline=True))
        )
        for _i, (s, e, kind, label, _url) in reversed(covering):
            anchor = ""
            if (s, e) not in anchored:
                anchored.add((s, e))
                anchor = f' id="{passage_anchor(s, e)}"'
            html = format_html(
                '<mark class="passage passage-{}" title="{}"{}>{}</mark>',
                kind,
                label,
                mark_safe(anchor),
                html,
            )
        out.append(str(html))
    return mark_safe("<p>" + "".join(out) + "</p>")


span = st.tuples(
    st.integers(0, 60),
    st.integers(0, 60),
    st.sampled_from(["meeting", "statement"]),
    st.text(max_size=5),
    st.just("/x/"),
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \\n<&", max_size=60), spans=st.lists(span, max_size=12))
def test_sweep_gives_the_same_html(text, spans):
    assert str(highlighted_text(text, spans)) == str(direct(text, spans))
