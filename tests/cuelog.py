# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reading what a session played: the app's cue log (LIMBER_DEBUG_CUE_LOG) and the WAV file its
# pipeline wrote (LIMBER_AUDIO_SINK). Shared by tests/test-audio.py and build-aux/bench-player.
import array
import re
import sys
import wave

THRESHOLD = 1500          # peak amplitude (of 32767) that counts as sound
FRAME_S = 0.001


class CueLog:
    """first: running time (ns) of the WAV's first sample; cues: (kind, boundary ns, late ns,
    sound); speech: (pts ns, duration ns); voices: the espeak-ng voice of each sentence."""

    def __init__(self, path):
        self.first = None
        self.cues, self.speech, self.voices = [], [], []
        # Where each cue sound was put (running time, ns): its boundary, unless the app heard of
        # the boundary too late for the mixer (a busy machine), then as soon as it could.
        self.pts = []
        self.stopped = False
        for line in open(path):
            fields = dict(re.findall(r"(\w+)=(\S+)", line))
            if line.startswith("first-sample "):
                self.first = int(line.split()[1])
            elif line.startswith("cue "):
                self.cues.append((line.split()[1], int(fields["boundary"]),
                                  int(fields.get("late", 0)), fields["sound"]))
                self.pts.append(int(fields.get("pts", fields["boundary"])))
            elif line.startswith("speech "):
                self.speech.append((int(fields["pts"]), int(fields["duration"])))
                self.voices.append(fields.get("voice"))
            elif line.startswith("stopped"):
                self.stopped = True

    def seconds(self, running_ns):
        """Where a running time falls in the WAV, in seconds."""
        return (running_ns - self.first) / 1e9


class Recording:
    def __init__(self, path):
        with wave.open(path) as w:
            if w.getsampwidth() != 2 or w.getnchannels() != 1:
                raise ValueError(f"{path}: expected mono 16-bit audio")
            self.rate = w.getframerate()
            self.samples = array.array("h", w.readframes(w.getnframes()))
        if sys.byteorder == "big":
            self.samples.byteswap()

    def duration(self):
        return len(self.samples) / self.rate

    def _span(self, start_s, length_s):
        a = max(0, int(start_s * self.rate))
        b = min(len(self.samples), int((start_s + length_s) * self.rate))
        return a, b

    def peak(self, start_s, length_s):
        a, b = self._span(start_s, length_s)
        return max((abs(x) for x in self.samples[a:b]), default=0)

    def rms(self, start_s, length_s):
        a, b = self._span(start_s, length_s)
        if b <= a:
            return 0.0
        return (sum(x * x for x in self.samples[a:b]) / (b - a)) ** 0.5

    def onset(self, start_s, end_s):
        """The first millisecond from start_s on that holds sound, or None."""
        t = start_s
        while t < end_s:
            if self.peak(t, FRAME_S) > THRESHOLD:
                return t
            t += FRAME_S
        return None


def cue_onsets(log, recording, tolerance_s, window_s=0.200):
    """Measures each cue sound's onset against where the app put it: its boundary, or, for a cue
    the app heard of too late for the mixer, the moment it could (see late_cues()). Returns
    (errors, overlapped, missing): errors are (kind, boundary s, onset - that time s); a cue with
    sound already playing just before it is counted as overlapped, as its onset cannot be told
    apart."""
    errors, overlapped, missing = [], 0, []
    for (kind, boundary, _late, sound), pts in zip(log.cues, log.pts):
        if sound == "none":
            continue
        b = log.seconds(max(boundary, pts))
        if recording.peak(b - 0.080, 0.030) > THRESHOLD:
            overlapped += 1
            continue
        t = recording.onset(b - tolerance_s, b + window_s)
        if t is None:
            missing.append(f"{kind} at {b:.3f} s")
        else:
            errors.append((kind, b, t - b))
    return errors, overlapped, missing


def late_cues(log):
    """The cues put after their boundary: (kind, ms late)."""
    return [(kind, (pts - boundary) / 1e6)
            for (kind, boundary, _late, sound), pts in zip(log.cues, log.pts)
            if sound != "none" and pts > boundary]
