#!/usr/bin/env python3
"""Writes short synthetic film reviews whose sentiment depends on word order and negation.

A review is one clause ("the plot was not good") or two joined by "but", and its sentiment is the
last clause's: "the plot was good but the acting was awful" is negative, the same words the other
way round positive. A bag of words cannot tell those apart, nor "not good" from "good ... not"
elsewhere, so a sequence model (Embedding + LSTM) should beat it clearly. Seeded: same file every run.
"""
import random
import sys
from pathlib import Path

SUBJECTS = ["the film", "this movie", "the plot", "the acting", "the ending", "the music",
            "the script", "the cast", "the story", "the camera work", "the dialogue", "the pacing"]
VERBS = ["was", "is", "felt", "seemed"]
POSITIVE = ["good", "great", "brilliant", "moving", "funny", "clever", "superb", "charming"]
NEGATIVE = ["bad", "dull", "awful", "boring", "weak", "clumsy", "tedious", "silly"]
INTENSIFIERS = ["", "", "really ", "very ", "quite ", "truly "]
OPENERS = ["", "", "", "honestly ", "overall ", "i think ", "well "]


def clause(rng, sentiment):
    """A clause whose meaning is sentiment (+1 / -1); half of them say it through 'not'."""
    negated = rng.random() < 0.5
    word_sign = -sentiment if negated else sentiment
    adjective = rng.choice(POSITIVE if word_sign > 0 else NEGATIVE)
    return "%s %s %s%s%s" % (rng.choice(SUBJECTS), rng.choice(VERBS), "not " if negated else "",
                             rng.choice(INTENSIFIERS), adjective)


def review(rng):
    sentiment = rng.choice([1, -1])
    last = clause(rng, sentiment)
    if rng.random() < 0.6:
        text = clause(rng, -sentiment) + " but " + last
    else:
        text = last
    return rng.choice(OPENERS) + text, "positive" if sentiment > 0 else "negative"


def main(out, n, seed):
    rng = random.Random(seed)
    lines = ["review,sentiment"]
    for _ in range(n):
        text, label = review(rng)
        lines.append('"%s",%s' % (text, label))
    out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
