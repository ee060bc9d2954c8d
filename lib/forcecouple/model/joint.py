"""A bone pinned at the origin, pulled by muscles, a joint spring and a load.

Sign convention: angles are degrees, counter-clockwise positive; a torque is
positive when it turns the bone counter-clockwise. Lengths are cm, forces N,
torques N·m (a cm x N product is divided by 100).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike

from .. import _validate as check
from .geometry import rotate
from .muscle import Muscle

__all__ = ["MIN_STRING_LENGTH", "RESERVED_NAMES", "Joint", "TorqueBasis", "Weight", "moment_arm", "torque_basis"]

#: Names a muscle may not take: they label the other torques in readouts.
RESERVED_NAMES = ("spring", "load")
#: Shortest string length (cm) that ``Joint`` accepts anywhere within its limits.
MIN_STRING_LENGTH = 1e-6

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Weight:
    """A weight of ``force`` N (0 to 1e6) hanging (pulling straight down, -y) at ``at``.

    ``at`` is a point on the bone, in the bone's frame (cm, each coordinate within ±1000).
    """

    force: float
    at: tuple[float, float]

    def __post_init__(self) -> None:
        object.__setattr__(self, "force", check.number("load.force", self.force, low=0.0, high=check.MAX_FORCE,
                                                       unit="N"))
        object.__setattr__(self, "at", check.point("load.at", self.at))


Load = float | Weight | None


class _Strings:
    """Constants of a set of strings, compiled once for fast vectorised evaluation.

    For insertion P (bone frame) and origin Q, at bone angle theta with the origin
    turned by k theta, the closed form is: with phi = (k - 1) theta,
    length^2 = |P|^2 + |Q|^2 - 2 (P.Q cos phi - P x Q sin phi) and
    moment arm = (P x Q cos phi + P.Q sin phi) / length (cm).
    Both bracketed sums are linear in a small trigonometric basis
    [cos theta, sin theta, 1, cos u theta, sin u theta, ...], so every string is
    evaluated at once by two small matrix products.
    """

    #: Angles per block: keeps (n, block) arrays in cache on long angle arrays.
    BLOCK = 2048

    def __init__(self, insertion: np.ndarray, origin: np.ndarray, turn: np.ndarray) -> None:
        px, py = insertion[:, 0], insertion[:, 1]
        qx, qy = origin[:, 0], origin[:, 1]
        dot0, cross0 = px * qx + py * qy, px * qy - py * qx
        self.span = (px * px + py * py + qx * qx + qy * qy)[:, None]
        # The same constants, one tuple a string, for the scalar evaluation.
        self.rows = [(float(u), float(sp), float(d), float(c))
                     for u, sp, d, c in zip(turn, self.span[:, 0], dot0, cross0, strict=True)]
        self.other_turns = sorted({float(u) for u in turn} - {-1.0, 0.0, 1.0})
        k = 3 + 2 * len(self.other_turns)
        self.numerator = np.zeros((len(turn), k))
        self.dot = np.zeros((len(turn), k))
        for i, u in enumerate(turn):
            d, c = dot0[i], cross0[i]
            if u == 0.0:  # origin turns with the bone: constant geometry
                self.numerator[i, 2], self.dot[i, 2] = c, d
            elif abs(u) == 1.0:  # fixed origin (u = -1), or turning twice as fast (u = 1)
                self.numerator[i, :2] = (c, u * d)
                self.dot[i, :2] = (d, -u * c)
            else:
                j = 3 + 2 * self.other_turns.index(float(u))
                self.numerator[i, j:j + 2] = (c, d)
                self.dot[i, j:j + 2] = (d, -c)

        # One matrix product gives both sums: rows [numerator; -2 dot].
        self.stacked = np.vstack([self.numerator, -2.0 * self.dot])

    def _basis(self, theta: np.ndarray) -> np.ndarray:
        basis = np.empty((self.stacked.shape[1], theta.size))
        np.cos(theta, out=basis[0])
        np.sin(theta, out=basis[1])
        basis[2] = 1.0
        for j, u in enumerate(self.other_turns):
            np.cos(u * theta, out=basis[3 + 2 * j])
            np.sin(u * theta, out=basis[4 + 2 * j])
        return basis

    def geometry(self, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Length (cm) and signed moment arm (cm), shape (n, m), at ``theta`` (rad, (m,))."""
        both = self.stacked @ self._basis(theta)
        n = self.span.shape[0]
        length = np.sqrt(both[n:] + self.span)
        return length, np.divide(both[:n], length, out=both[:n])

    def geometry_at(self, theta: float) -> list[tuple[float, float]]:
        """(length, signed moment arm) in cm of every string at one angle ``theta`` (rad).

        The same closed form as :meth:`geometry`, in plain floats (the solver's hot path).
        """
        trig: dict[float, tuple[float, float]] = {}
        out = []
        for turn, span, dot0, cross0 in self.rows:
            cs = trig.get(turn)
            if cs is None:
                cs = trig[turn] = (math.cos(turn * theta), math.sin(turn * theta))
            c, s = cs
            length = math.sqrt(span - 2.0 * (dot0 * c - cross0 * s))
            out.append((length, (cross0 * c + dot0 * s) / length))
        return out


def moment_arm(muscle: Muscle, angles: ArrayLike) -> float | np.ndarray:
    """Signed perpendicular lever arm (cm) of ``muscle`` at ``angles`` (degrees).

    Positive when the string's pull turns the bone counter-clockwise. Returns a
    float for a scalar angle and an array for a 1-D array of angles.
    """
    check.instance("muscle", muscle, Muscle)
    a = check.angles("angles", angles)
    theta = np.radians(np.atleast_1d(a))
    strings = _Strings(np.array([muscle.insertion]), np.array([muscle.origin]),
                       np.array([muscle.origin_turns - 1.0]))
    _, arm = strings.geometry(theta)
    return float(arm[0, 0]) if a.ndim == 0 else arm[0]


@dataclasses.dataclass(frozen=True)
class TorqueBasis:
    """The torques of a joint split so that any set of pulls can be mixed cheaply.

    ``net(pulls) = passive + pulls @ arms`` (N·m) at every angle of ``angles``.

    Attributes
    ----------
    angles : (m,) degrees.
    names : muscle names, in ``joint.muscles`` order.
    spring : (m,) joint-spring torque, N·m.
    load : (m,) load torque, N·m.
    strings : (n, m) passive-tension torque of each string, N·m.
    passive : (m,) ``spring + load + strings.sum(0)``, N·m.
    arms : (n, m) torque per newton of active pull, N·m/N (moment arm / 100).

    Every array must hold finite numbers of those shapes (n muscles, m angles).
    """

    angles: np.ndarray
    names: tuple[str, ...]
    spring: np.ndarray
    load: np.ndarray
    strings: np.ndarray
    passive: np.ndarray
    arms: np.ndarray

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "names", check.names("names", self.names, what="muscle names"))
        n = len(self.names)
        set_(self, "angles", check.numbers("angles", self.angles, shape=(None,), unit="degrees"))
        m = self.angles.size
        for key in ("spring", "load", "passive"):
            set_(self, key, check.numbers(key, getattr(self, key), shape=(m,), unit="N·m",
                                          what="numbers, one per entry of angles,"))
        for key, unit in (("strings", "N·m"), ("arms", "N·m/N")):
            set_(self, key, check.numbers(key, getattr(self, key), shape=(n, m), unit=unit,
                                          what="numbers, a row per entry of names and a column per entry of angles,"))

    def net(self, pulls: ArrayLike) -> np.ndarray:
        """Net torque (N·m) at every angle for active ``pulls`` (N, 0 to 1e6, one per muscle)."""
        n = len(self.names)
        p = check.numbers("pulls", pulls, low=0.0, high=check.MAX_FORCE, unit="N", shape=(None,),
                          what=f"one value per muscle ({n})")
        if p.size != n:
            raise ValueError(f"pulls must hold one value per muscle ({n}); got shape {p.shape}")
        return self.passive + p @ self.arms


class Joint:
    """A bone pinned at (0, 0), turning in the plane, pulled by muscles.

    Parameters
    ----------
    muscles : sequence of Muscle
        The strings, kept in order as ``.muscles``; names must be unique.
    stiffness : float
        Joint spring, N·m/rad (0 to 1e6), pulling the bone toward ``rest_angle``.
    rest_angle : float
        Degrees, within ``limits``; the spring's rest, and where the bone is released.
    limits : (low, high)
        Range of motion, degrees, low < high, within [-180, 180].
    load : float, Weight or None
        A constant external torque (N·m, -1e6 to 1e6) or a weight at a point on the bone.
    landmarks : mapping of name -> (x, y)
        Named points on the bone (bone frame, cm, within ±1000) for drawings and readouts.
    outline : sequence of (x, y)
        Polygon of the bone's shape (bone frame, cm, within ±1000), for drawings only.
    name : str
        What the bone is called in readouts (e.g. "pelvis").
    directions : (str, str)
        Words for a positive and a negative turn in readouts, e.g.
        ("forward", "back") for the pelvis.
    """

    def __init__(self, muscles: Iterable[Muscle], stiffness: float = 0.0,
                 rest_angle: float = 0.0, limits: tuple[float, float] = (-90.0, 90.0),
                 load: Load = None, landmarks: Mapping[str, tuple[float, float]] | None = None,
                 outline: Sequence[tuple[float, float]] | None = None, name: str = "bone",
                 directions: tuple[str, str] = ("counter-clockwise", "clockwise"),
                 _geometry_cache: dict | None = None) -> None:
        self.muscles: tuple[Muscle, ...] = check.sequence("muscles", muscles, "Muscle objects")
        for i, m in enumerate(self.muscles):
            check.instance(f"muscles[{i}]", m, Muscle)
        names = [m.name for m in self.muscles]
        for n in names:
            if names.count(n) > 1:
                raise ValueError(f"muscles: each name must be unique; {n!r} appears {names.count(n)} times")
            if n in RESERVED_NAMES:
                raise ValueError(f"muscles: the name {n!r} is reserved for the other torques; "
                                 f"choose a name other than {', '.join(RESERVED_NAMES)}")
        self.stiffness = check.number("stiffness", stiffness, low=0.0, high=check.MAX_JOINT_STIFFNESS,
                                      unit="N·m/rad")
        self.limits = check.interval("limits", limits, low=-180.0, high=180.0, unit="degrees")
        self.rest_angle = check.number("rest_angle", rest_angle, low=self.limits[0],
                                       high=self.limits[1], unit="degrees")
        if load is not None and not isinstance(load, Weight):
            load = check.number("load", load, low=-check.MAX_TORQUE, high=check.MAX_TORQUE,
                                unit="N·m (or a Weight)")
        self.load: Load = load
        marks = check.mapping("landmarks", {} if landmarks is None else landmarks, "a mapping of name -> (x, y)")
        self.landmarks = MappingProxyType(
            {check.name_text("landmarks key", k): check.point(f"landmarks[{k!r}]", v) for k, v in marks.items()})
        self.outline = tuple(check.point(f"outline[{i}]", p) for i, p in
                             enumerate(check.sequence("outline", () if outline is None else outline, "points (x, y)")))
        self.name = check.name_text("name", name)
        self.directions = check.word_pair("directions", directions, "two words (positive, negative)")
        self._compile()
        if _geometry_cache is None:
            for m in self.muscles:
                self._check_string_length(m)
        # Results that depend on geometry but not on the active pulls (e.g. the
        # solver's torque basis on its scan grid), shared by with_pulls copies.
        self._geometry_cache: dict = {} if _geometry_cache is None else _geometry_cache

    # -- construction helpers -------------------------------------------------
    def _check_string_length(self, m: Muscle) -> None:
        """Reject a string that shrinks to zero length anywhere within the limits."""
        p, q = np.array(m.insertion), np.array(m.origin)
        dot0, cross0 = float(p @ q), float(p[0] * q[1] - p[1] * q[0])
        span = float(p @ p + q @ q)
        # length^2 = span - 2 rho cos(phi + alpha), phi = turn * theta.
        rho, alpha = math.hypot(dot0, cross0), math.atan2(cross0, dot0)
        turn = m.origin_turns - 1.0
        lo, hi = sorted((turn * math.radians(self.limits[0]), turn * math.radians(self.limits[1])))
        n = math.ceil((lo + alpha) / (2 * math.pi))
        peak = 2 * math.pi * n - alpha  # phi where the string is shortest
        candidates = [lo, hi] + ([peak] if lo <= peak <= hi else [])
        phi = min(candidates, key=lambda f: span - 2 * rho * math.cos(f + alpha))
        shortest = math.sqrt(max(span - 2 * rho * math.cos(phi + alpha), 0.0))
        if shortest < MIN_STRING_LENGTH:
            at = math.degrees(phi / turn) if turn else 0.0
            raise ValueError(f"muscle {m.name!r}: its string reaches zero length at angle {at:g} "
                             f"degrees, within the limits {self.limits}; move its insertion or origin")

    def _compile(self) -> None:
        ms = self.muscles
        self._insertion = np.array([m.insertion for m in ms], dtype=float).reshape(-1, 2)
        self._origin = np.array([m.origin for m in ms], dtype=float).reshape(-1, 2)
        self._turn = np.array([m.origin_turns - 1.0 for m in ms], dtype=float)
        self._pull = np.array([m.pull for m in ms], dtype=float)
        self._pull.flags.writeable = False
        self._has_passive = any(m.passive is not None or m.stiffness for m in ms)
        self._strings = _Strings(self._insertion, self._origin, self._turn)
        self._rest_rad = math.radians(self.rest_angle)

    def _with_muscle_pulls(self, pulls: Iterable[float]) -> Joint:
        """A copy whose muscles pull with ``pulls`` (N); the geometry cache is shared."""
        muscles = [m.with_pull(p) for m, p in zip(self.muscles, pulls, strict=True)]
        return Joint(muscles, stiffness=self.stiffness, rest_angle=self.rest_angle,
                     limits=self.limits, load=self.load, landmarks=self.landmarks,
                     outline=self.outline, name=self.name, directions=self.directions,
                     _geometry_cache=self._geometry_cache)

    # -- lookup and copies ----------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        """Muscle names in order."""
        return tuple(m.name for m in self.muscles)

    def muscle(self, name: str) -> Muscle:
        """The muscle called ``name``."""
        check.choice("name", name, self.names)
        return self.muscles[self.names.index(name)]

    def with_pulls(self, pulls: Mapping[str, float]) -> Joint:
        """A copy with the active pulls (N, 0 to 1e6) of the named muscles replaced."""
        pulls = check.number_mapping("pulls", pulls, self.names, low=0.0, high=check.MAX_FORCE, unit="N")
        return self._with_muscle_pulls(pulls.get(m.name, m.pull) for m in self.muscles)

    def with_activations(self, activations: Mapping[str, float]) -> Joint:
        """A copy whose named muscles pull with the given fractions (0 to 1) of their ``fmax``."""
        pulls = {}
        for name, a in check.number_mapping("activations", activations, self.names, low=0.0, high=1.0).items():
            m = self.muscle(name)
            if m.fmax is None:
                raise ValueError(f"activations[{name!r}]: muscle {name!r} has no fmax, so an activation cannot "
                                 "be turned into a pull; give pulls in N with with_pulls")
            pulls[name] = a * m.fmax
        return self.with_pulls(pulls)

    @property
    def pulls(self) -> np.ndarray:
        """Active pull of every muscle, N, in ``muscles`` order (read-only array)."""
        return self._pull

    def geometry_cached(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key`` with the joint's geometry.

        For results that depend on the geometry but not on the active pulls (e.g.
        the solver's torque basis on its scan grid): ``with_pulls`` and
        ``with_activations`` copies share them, so a slider that changes only the
        pulls never recomputes them.
        """
        check.name_text("key", key)
        check.function("compute", compute, "a callable with no arguments")
        if key not in self._geometry_cache:
            self._geometry_cache[key] = compute()
        return self._geometry_cache[key]

    def landmark(self, name: str, angle: ArrayLike) -> np.ndarray:
        """World position (cm) of landmark ``name`` at ``angle`` (degrees).

        Shape (2,) for a scalar angle, (m, 2) for m angles.
        """
        check.choice("name", name, list(self.landmarks))
        a = check.angles("angle", angle)
        return rotate(np.asarray(self.landmarks[name]), a)

    def string_ends(self, angle: float) -> tuple[np.ndarray, np.ndarray]:
        """World positions (cm) of every insertion and origin at ``angle`` (degrees).

        Two arrays of shape (n, 2), in ``muscles`` order.
        """
        a = check.angle("angle", angle, self.limits)
        insertion = rotate(self._insertion, a)
        turned = [rotate(q, a * (t + 1.0)) for q, t in zip(self._origin, self._turn, strict=True)]
        return insertion, np.array(turned, dtype=float).reshape(-1, 2)

    def tensions(self, angle: float) -> np.ndarray:
        """Tension (N) of every string at ``angle`` (degrees): active pull plus passive."""
        a = check.angle("angle", angle, self.limits)
        length, _ = self._strings.geometry(np.array([math.radians(a)]))
        return self._pull + self._tensions(length)[:, 0]

    # -- torques --------------------------------------------------------------
    def _spring_torque(self, theta: ArrayLike) -> ArrayLike:
        """Joint-spring torque (N·m) at ``theta`` radians (number or array)."""
        return -self.stiffness * (theta - self._rest_rad)

    def _load_torque(self, theta: ArrayLike) -> np.ndarray:
        """Load torque (N·m) at ``theta`` radians (number or array)."""
        if self.load is None:
            return np.zeros_like(theta, dtype=float)
        if isinstance(self.load, Weight):
            x, y = self.load.at
            return -self.load.force * (x * np.cos(theta) - y * np.sin(theta)) / 100.0
        return np.full_like(theta, self.load, dtype=float)

    def _tensions(self, length: np.ndarray) -> np.ndarray:
        """Passive tension (N) of every string at ``length`` (cm, shape (n, m))."""
        tension = np.zeros_like(length)
        for i, m in enumerate(self.muscles):
            tension[i] = m.passive_tension(length[i])
        return tension

    def _basis(self, angles_deg: np.ndarray) -> TorqueBasis:
        """The torque basis at 1-D ``angles_deg``; no validation (see :func:`torque_basis`)."""
        theta = np.radians(angles_deg)
        length, arm = self._strings.geometry(theta)
        arms = arm / 100.0
        strings = self._tensions(length) * arms
        spring, load = self._spring_torque(theta), self._load_torque(theta)
        return TorqueBasis(angles=angles_deg, names=self.names, spring=spring, load=load,
                           strings=strings, passive=spring + load + strings.sum(axis=0), arms=arms)

    def _net(self, angles_deg: np.ndarray) -> np.ndarray:
        """Net torque (N·m) at 1-D ``angles_deg``; no validation (internal)."""
        theta = np.radians(angles_deg)
        total = self._spring_torque(theta)
        if self.load is not None:
            total += self._load_torque(theta)
        block = _Strings.BLOCK
        for start in range(0, theta.size, block):
            length, arm = self._strings.geometry(theta[start:start + block])
            if self._has_passive:
                tension = self._tensions(length)
                tension += self._pull[:, None]
                total[start:start + block] += np.einsum("ij,ij->j", tension, arm) / 100.0
            else:
                total[start:start + block] += (self._pull / 100.0) @ arm
        return total

    def torques_at(self, angle: float) -> dict[str, float]:
        """Each torque on the bone (N·m) at one ``angle`` (degrees, within the limits), in plain floats.

        Every muscle's (active plus passive), then ``"spring"`` and ``"load"``.
        """
        t = math.radians(self._angle(angle))
        torques = {m.name: (m.pull + m.passive_tension(length)) * arm / 100.0
                   for m, (length, arm) in zip(self.muscles, self._strings.geometry_at(t), strict=True)}
        torques["spring"] = self._spring_torque(t)
        torques["load"] = self._load_at(t)
        return torques

    def net_torque_at(self, angle: float) -> float:
        """Net torque (N·m) at one ``angle`` (degrees, within the limits), in plain floats.

        The same sum as :meth:`net_torque`, for one angle (the solver's hot path).
        """
        t = math.radians(self._angle(angle))
        total = self._spring_torque(t) + self._load_at(t)
        for m, (length, arm) in zip(self.muscles, self._strings.geometry_at(t), strict=True):
            total += (m.pull + m.passive_tension(length)) * arm / 100.0
        return total

    def _angle(self, angle: object) -> float:
        """``angle`` (degrees) checked to lie within the limits; a plain float inside them passes at once."""
        if type(angle) is float and self.limits[0] <= angle <= self.limits[1]:
            return angle
        return check.angle("angle", angle, self.limits)

    def _load_at(self, t: float) -> float:
        """Load torque (N·m) at ``t`` radians, a plain float."""
        return float(self._load_torque(t)) if self.load is not None else 0.0

    def net_torque(self, angles: ArrayLike) -> float | np.ndarray:
        """Net torque (N·m) on the bone at ``angles`` (degrees, within the limits).

        Sum of every string's active plus passive torque, the joint spring and the
        load; vectorised over a 1-D array. Positive turns the bone counter-clockwise.
        """
        a = check.angles("angles", angles, self.limits)
        out = self._net(np.atleast_1d(a))
        return float(out[0]) if a.ndim == 0 else out

    def __repr__(self) -> str:
        return (f"Joint(name={self.name!r}, muscles={list(self.names)}, stiffness={self.stiffness:g}, "
                f"rest_angle={self.rest_angle:g}, limits={self.limits})")


def torque_basis(joint: Joint, angles: ArrayLike) -> TorqueBasis:
    """Split ``joint``'s torque at ``angles`` (degrees, 1-D, within the limits).

    See :class:`TorqueBasis`: ``net = passive + sum(pull_i * arms_i)``.
    """
    check.instance("joint", joint, Joint)
    a = check.angles("angles", angles, joint.limits)
    return joint._basis(np.atleast_1d(a).copy())
