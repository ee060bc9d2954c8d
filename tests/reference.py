"""Plain scalar reference of the model, written from the definitions (r x F).

Deliberately simple and independent of the library's vectorised closed form:
rotate the points, build the force vector, take the cross product.
"""

from __future__ import annotations

import math

from forcecouple import Joint, Muscle, Weight


def rot(point, angle_deg):
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    return (c * point[0] - s * point[1], s * point[0] + c * point[1])


def string_state(m: Muscle, angle: float):
    """World insertion, unit vector toward the origin, length (cm)."""
    p = rot(m.insertion, angle)
    q = rot(m.origin, m.origin_turns * angle)
    ux, uy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(ux, uy)
    return p, (ux / length, uy / length), length


def moment_arm(m: Muscle, angle: float) -> float:
    p, u, _ = string_state(m, angle)
    return p[0] * u[1] - p[1] * u[0]


def tension(m: Muscle, angle: float) -> float:
    _, _, length = string_state(m, angle)
    stretch = max(length - m.slack, 0.0)
    passive = m.passive(stretch) if m.passive is not None else m.stiffness * stretch
    return m.pull + max(float(passive), 0.0)


def passive_string_torque(m: Muscle, angle: float) -> float:
    p, u, length = string_state(m, angle)
    stretch = max(length - m.slack, 0.0)
    t = m.passive(stretch) if m.passive is not None else m.stiffness * stretch
    f = (max(float(t), 0.0) * u[0], max(float(t), 0.0) * u[1])
    return (p[0] * f[1] - p[1] * f[0]) / 100.0


def spring_torque(joint: Joint, angle: float) -> float:
    return -joint.stiffness * math.radians(angle - joint.rest_angle)


def load_torque(joint: Joint, angle: float) -> float:
    if joint.load is None:
        return 0.0
    if isinstance(joint.load, Weight):
        p = rot(joint.load.at, angle)
        return (p[0] * -joint.load.force - p[1] * 0.0) / 100.0
    return float(joint.load)


def net_torque(joint: Joint, angle: float) -> float:
    total = spring_torque(joint, angle) + load_torque(joint, angle)
    for m in joint.muscles:
        p, u, _ = string_state(m, angle)
        t = tension(m, angle)
        total += (p[0] * t * u[1] - p[1] * t * u[0]) / 100.0
    return total


def equilibrium_angle(joint: Joint, step: float = 0.25) -> tuple[float, bool]:
    """The rule, by brute force: scan from rest the way the torque points, bisect."""
    rest = joint.rest_angle
    t0 = net_torque(joint, rest)
    if abs(t0) <= 1e-9:
        return rest, False
    sign = 1.0 if t0 > 0 else -1.0
    end = joint.limits[1] if sign > 0 else joint.limits[0]
    prev = rest
    k = 1
    while True:
        a = rest + sign * step * k
        if sign * (a - end) >= -1e-9 * step:
            a = end
        if sign * net_torque(joint, a) <= 0.0:
            lo, hi = prev, a
            for _ in range(200):
                mid = (lo + hi) / 2
                if sign * net_torque(joint, mid) > 0:
                    lo = mid
                else:
                    hi = mid
            return (lo + hi) / 2, False
        if a == end:
            return end, True
        prev, k = a, k + 1
