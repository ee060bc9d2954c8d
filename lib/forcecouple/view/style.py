"""Every colour and line style of the book's pictures, in one place.

Okabe & Ito (2008) colours, safe for colour-blind readers: warm colours and
solid lines for strings that turn the bone the positive way at its rest angle,
cool colours and dashed lines for the others, so colour is never the only cue.
A muscle keeps its colour whatever the pulls are. The matplotlib figures read
these constants; the widgets get them through their spec (:func:`page_colours`),
so the page and its printed twin agree. (The widgets' CSS, ``explorer.css``,
holds the colours of the page's own chrome: borders, buttons, text.)
"""

from __future__ import annotations

from .. import _validate as check
from ..model import Joint, moment_arm

POSITIVE_COLOURS = ("#D55E00", "#E69F00", "#CC79A7", "#F0E442")
NEGATIVE_COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#000000")
BONE_FILL = "#DDDDDD"
BONE_EDGE = "#555555"
#: The bone at angle 0, drawn faintly behind the tilted one (and a kept pose).
GHOST_EDGE = "#999999"
#: Anatomy drawn around the moving bone for orientation only (femur, spine, clavicle).
ANATOMY_FILL = "#F0F0F0"
ANATOMY_EDGE = "#8C8C8C"
#: Faint outlines of the body (trunk, ribcage, neck).
FAINT_OUTLINE = "#B5B5B5"
#: The light edge around labels drawn over lines (matplotlib figures).
LABEL_HALO = "#FFFFFF"
NORMAL_RANGE_FILL = "#009E73"
#: Pivot, tilt arc and axis lines.
INK = "#333333"
#: Labels drawn inside pictures.
TEXT = "#222222"
#: Bars of the torques that are not muscles.
TISSUES_COLOUR = "#999999"
LOAD_COLOUR = "#333333"
#: The dark edge behind a tension arrow, so a pale colour still shows.
ARROW_HALO = "#222222"
#: Line charts: a joint's angle, what feels level, the neutral reference.
ANGLE_LINE = "#000000"
FEELS_LEVEL_LINE = "#999999"
NEUTRAL_LINE = "#009E73"
MARKER_LINE = "#999999"
CHART_GRID = "#E5E5E5"
#: The model beside the data: the model's curve and a published one.
MODEL_LINE = "#000000"
PUBLISHED_LINE = "#0072B2"
#: What changed in a drawing (a ring around the body part that moved).
HIGHLIGHT = POSITIVE_COLOURS[0]
CHART_AXIS = "#555555"
#: The photo tool: its two landmark markers, the ASIS-PSIS line, the level
#: reference line and the published range (Okabe & Ito colours; the markers also
#: carry their names, so colour is never the only cue).
PHOTO_COLOURS = {"asis": POSITIVE_COLOURS[0], "psis": NEGATIVE_COLOURS[0], "line": "#000000",
                 "reference": NEUTRAL_LINE, "range": NEGATIVE_COLOURS[1]}
#: The photo tool's sample drawing: paper, the near arm, and the stickers on the landmarks.
SAMPLE_COLOURS = {"paper": "#FFFFFF", "body": ANATOMY_FILL, "arm": "#E4E4E4", "pelvis": BONE_FILL,
                  "edge": ANATOMY_EDGE, "sticker": POSITIVE_COLOURS[3], "sticker_edge": ARROW_HALO}

#: jupyterquiz's colour variables, each pointed at the book's own (``--fc-quiz-*``
#: in ``_book_static/book.css``, one set for the light theme and one for the dark);
#: the fallbacks are the light set, for JupyterLab and Colab, which lack book.css.
QUIZ_COLOURS = {f"--jq-{role}": f"var(--fc-quiz-{shade}, {fallback})" for role, shade, fallback in (
    ("multiple-choice-bg", "card", "#1f4e79"), ("many-choice-bg", "card", "#1f4e79"),
    ("numeric-bg", "card", "#1f4e79"), ("string-bg", "card", "#1f4e79"),
    ("text-color", "card-text", "#ffffff"), ("link-color", "link", "#cfe4ff"),
    ("mc-button-bg", "button", "#fafafa"), ("mc-button-border", "button-border", "#cccccc"),
    ("mc-button-inset-shadow", "button-border", "#cccccc"),
    ("numeric-input-bg", "button", "#fafafa"), ("numeric-input-label", "card-text", "#ffffff"),
    ("numeric-input-shadow", "button-border", "#cccccc"),
    ("correct-color", "correct", "#00795a"), ("incorrect-color", "incorrect", "#b34700"),
)}


#: Matplotlib's text sizes for the book (pt): legible at 8.5 in wide, the widest
#: figure, both on the page (>= 11 CSS px at a 700 px column) and in the PDF
#: (>= 8 pt at 6.3 in). figures.py applies them when it is imported.
MATPLOTLIB_RC = {"font.size": 11, "axes.titlesize": 12, "axes.labelsize": 11, "xtick.labelsize": 11,
                 "ytick.labelsize": 11, "legend.fontsize": 11, "figure.titlesize": 12}


def muscle_styles(joint: Joint) -> list[tuple[str, str]]:
    """(colour, "solid" or "dashed") for each muscle of ``joint``, in order."""
    check.instance("joint", joint, Joint)
    counts = {True: 0, False: 0}
    styles = []
    for m in joint.muscles:
        positive = moment_arm(m, joint.rest_angle) >= 0
        palette = POSITIVE_COLOURS if positive else NEGATIVE_COLOURS
        styles.append((palette[counts[positive] % len(palette)], "solid" if positive else "dashed"))
        counts[positive] += 1
    return styles


def page_colours() -> dict[str, str]:
    """The colours a widget's page module draws with, by role (sent in its spec)."""
    return {"bone": BONE_FILL, "edge": BONE_EDGE, "ghost": GHOST_EDGE, "normal": NORMAL_RANGE_FILL, "ink": INK,
            "text": TEXT, "tissues": TISSUES_COLOUR, "load": LOAD_COLOUR, "halo": ARROW_HALO,
            "angle": ANGLE_LINE, "neutral": NEUTRAL_LINE, "grid": CHART_GRID, "axis": CHART_AXIS,
            "anatomy": ANATOMY_FILL, "anatomy_edge": ANATOMY_EDGE, "faint": FAINT_OUTLINE}
