"""The peer of the page's slider: ``ipywidgets.interact`` redrawing the pelvis in a live kernel.

What a notebook reader without the book's widgets gets: a slider whose every move
goes to the kernel, which solves the pelvis and draws it with matplotlib
(``forcecouple.draw_joint``), then sends the PNG back. This starts a kernel with
jupyter_client, runs an ``interact`` over the hip-flexor slider, and plays the front
end: each round sends the slider model a comm ``update`` (as JupyterLab does when the
slider moves) and times it until the new image output arrives on iopub.
"""

from __future__ import annotations

import queue
import time

from jupyter_client.manager import start_new_kernel

SETUP = """
import matplotlib
matplotlib.use("module://matplotlib_inline.backend_inline")
import matplotlib.pyplot as plt
import ipywidgets as widgets
from IPython.display import display
from forcecouple import draw_joint, equilibrium, pelvis, preset_groups
from forcecouple.model.presets import pattern_activations

base = pelvis("neutral")
start = pattern_activations("pelvis", "neutral")
flexors = preset_groups("pelvis")["hip flexors"]

def show(hip_flexors=2.5):
    joint = base.with_activations({**start, **{m: hip_flexors / 100 for m in flexors}})
    fig = draw_joint(joint, equilibrium(joint))
    display(fig)
    plt.close(fig)

widgets.interact(show, hip_flexors=widgets.FloatSlider(value=2.5, min=0, max=20, step=0.1))
"""


def _drain(kc, parent: str, until, timeout: float = 60.0):
    """iopub messages of ``parent`` until ``until(msg)`` is true; returns that message."""
    end = time.monotonic() + timeout
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.01, end - time.monotonic()))
        except queue.Empty as exc:
            raise TimeoutError("no answer from the kernel") from exc
        if msg["parent_header"].get("msg_id") == parent and until(msg):
            return msg


def interact_latency(rounds: int = 30, warmup: int = 3) -> list[float]:
    """Milliseconds from a slider update sent over the comm to the new image on iopub."""
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        slider = None
        msg_id = kc.execute(SETUP)
        while True:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["msg_type"] == "comm_open" and \
                    msg["content"]["data"].get("state", {}).get("_model_name") == "FloatSliderModel":
                slider = msg["content"]["comm_id"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle" \
                    and msg["parent_header"].get("msg_id") == msg_id:
                break
        if slider is None:
            raise RuntimeError("interact made no FloatSlider")
        times = []
        for i in range(warmup + rounds):
            value = round(1.0 + (i % 19), 1)
            update = kc.session.msg("comm_msg", {"comm_id": slider, "data": {
                "method": "update", "state": {"value": value}, "buffer_paths": []}})
            start = time.perf_counter()
            kc.shell_channel.send(update)
            parent = update["header"]["msg_id"]
            _drain(kc, parent, lambda m: m["msg_type"] == "display_data" and "image/png" in m["content"]["data"])
            elapsed = (time.perf_counter() - start) * 1e3
            _drain(kc, parent, lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")
            if i >= warmup:
                times.append(elapsed)
        return times
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    import statistics

    t = interact_latency(10)
    print(f"interact redraw: median {statistics.median(t):.1f} ms over {len(t)}")
