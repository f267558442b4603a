#!/usr/bin/env python3
"""Writes the harbour-briefing caption fixtures from one scripted speech.

Every word gets a known time (a fixed rate by length, pauses at commas and
between sentences), and each file captions the same speech its own way:
  harbour.vtt        pop-on WebVTT with voices, as an editor would caption it
  harbour-auto.vtt   YouTube-style automatic captions: roll-up, 10 ms hold cues,
                     a timestamp before every word, lowercase, digits, a few slips
  harbour.srt        broadcast roll-up in capitals with >> and NAME: labels
  harbour.ttml       TTML paragraphs with ttm:agent speakers
  harbour-words.tsv  the ground truth: start, end, word
Run it from this folder; the output is committed, so tests need no Python.
"""
import re

MAYOR, REPORTER = "Ana Lopez", "Tom Baker"
SPEECH = [
    (MAYOR, "Good morning, everyone. Um, thank you for coming."),
    (MAYOR, "We will, we will rebuild the harbour before the winter storms arrive."),
    (MAYOR, "The repairs will cost four point five million pounds, and roughly two per cent of that comes from the council."),
    (MAYOR, "I have never said that the fishing fleet should leave this town."),
    (MAYOR, "You know, back in the nineteen nineties we lost twenty boats."),
    (REPORTER, "Mayor, did President Zelenskyy's visit change the plan?"),
    (MAYOR, "President Zelenskyy told us he is grateful, uh, for the support."),
    (None, "[applause]"),
    (MAYOR, "We will not close the school on Monday."),
    (MAYOR, "It's a well-known fact that the sea wall is too low."),
    (MAYOR, "We will rebuild the harbour before the winter storms arrive."),
]

# Word times: 0.12 s plus 0.055 s a character; 0.25 s after a comma, 0.7 s between sentences.
words = []  # (start, end, word, speaker, sentence index)
t = 0.5
for index, (speaker, sentence) in enumerate(SPEECH):
    for word in sentence.split():
        duration = 1.5 if word.startswith("[") else 0.12 + 0.055 * len(word)
        words.append((round(t, 3), round(t + duration, 3), word, speaker, index))
        t += duration + (0.25 if word.endswith(",") else 0.0)
    t += 0.7

def stamp(seconds, comma=False):
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f"{h:02}:{m:02}:{s:02}{',' if comma else '.'}{ms:03}"

with open("harbour-words.tsv", "w") as f:
    for start, end, word, _, _ in words:
        f.write(f"{start:.3f}\t{end:.3f}\t{word}\n")

# Pop-on WebVTT: each sentence in cues of at most 7 words, two lines.
with open("harbour.vtt", "w") as f:
    f.write("WEBVTT\n\n")
    n = 1
    for index, (speaker, _) in enumerate(SPEECH):
        sentence = [w for w in words if w[4] == index]
        for k in range(0, len(sentence), 7):
            chunk = sentence[k:k + 7]
            text = " ".join(w[2] for w in chunk)
            if len(chunk) > 3:
                half = (len(chunk) + 1) // 2
                text = " ".join(w[2] for w in chunk[:half]) + "\n" + " ".join(w[2] for w in chunk[half:])
            if speaker:
                text = f"<v {speaker}>{text}</v>"
            f.write(f"{n}\n{stamp(chunk[0][0])} --> {stamp(chunk[-1][1])}\n{text}\n\n")
            n += 1

# What an automatic transcriber hears: lowercase, no punctuation, digits,
# American spelling, fillers kept, one name misspelled, two words joined.
ASR = {"four": "4.5", "point": None, "five": None, "two": "2%", "per": None, "cent": None,
       "nineteen": "1990s", "nineties": None, "twenty": "20", "harbour": "harbor",
       "zelenskyy's": "zelensky's", "zelenskyy": "zelensky", "sea": "seawall", "wall": None}
auto = []
for start, end, word, speaker, _ in words:
    if word.startswith("["):
        continue
    plain = re.sub(r"[^\w'%.-]", "", word.lower()).strip(".")
    if plain in ASR:
        replacement = ASR[plain]
        if replacement is None:
            auto[-1] = (auto[-1][0], end, auto[-1][2])
            continue
        plain = replacement
    auto.append((start, end, plain))

# YouTube shape: lines of up to 8 words; cue k shows line k-1 and line k with
# a timestamp before each word after the first; a 10 ms hold cue follows.
lines = [auto[k:k + 8] for k in range(0, len(auto), 8)]
with open("harbour-auto.vtt", "w") as f:
    f.write("WEBVTT\nKind: captions\nLanguage: en\n\n")
    for k, line in enumerate(lines):
        start = line[0][0]
        end = lines[k + 1][0][0] if k + 1 < len(lines) else line[-1][1]
        previous = " ".join(w[2] for w in lines[k - 1]) if k > 0 else " "
        timed = line[0][2] + "".join(f"<{stamp(w[0])}><c> {w[2]}</c>" for w in line[1:])
        f.write(f"{stamp(start)} --> {stamp(end - 0.01)} align:start position:0%\n{previous}\n{timed}\n\n")
        f.write(f"{stamp(end - 0.01)} --> {stamp(end)} align:start position:0%\n{' '.join(w[2] for w in line)}\n \n\n")

# Broadcast roll-up SRT: capitals, lines of up to 32 characters, each cue
# the previous line and the new one, >> and a label at each change of speaker.
LABELS = {MAYOR: "MAYOR LOPEZ:", REPORTER: "REPORTER:"}
tokens = []  # (start, end, text)
previous_speaker = "nobody"
for start, end, word, speaker, _ in words:
    if speaker != previous_speaker:
        marks = ">>" + (" " + LABELS[speaker] if speaker else "")
        tokens.append((start, start, marks))
        previous_speaker = speaker
    tokens.append((start, end, word.upper()))
broadcast_lines, current = [], []
for token in tokens:
    if current and len(" ".join(t[2] for t in current + [token])) > 32:
        broadcast_lines.append(current)
        current = []
    current.append(token)
broadcast_lines.append(current)
with open("harbour.srt", "w") as f:
    for k, line in enumerate(broadcast_lines):
        start = line[0][0]
        end = broadcast_lines[k + 1][0][0] if k + 1 < len(broadcast_lines) else line[-1][1] + 1
        text = " ".join(t[2] for t in line)
        if k > 0:
            text = " ".join(t[2] for t in broadcast_lines[k - 1]) + "\n" + text
        f.write(f"{k + 1}\r\n{stamp(start, True)} --> {stamp(end, True)}\r\n{text.replace(chr(10), chr(13) + chr(10))}\r\n\r\n")

# TTML: one paragraph per sentence chunk of up to 10 words, agents as speakers.
with open("harbour.ttml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    f.write('<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xml:lang="en">\n')
    f.write('<head><metadata>\n')
    f.write('<ttm:agent xml:id="lopez" type="person"><ttm:name type="full">Ana Lopez</ttm:name></ttm:agent>\n')
    f.write('<ttm:agent xml:id="baker" type="person"><ttm:name type="full">Tom Baker</ttm:name></ttm:agent>\n')
    f.write('</metadata></head>\n<body><div>\n')
    agents = {MAYOR: "lopez", REPORTER: "baker"}
    for index, (speaker, _) in enumerate(SPEECH):
        sentence = [w for w in words if w[4] == index]
        for k in range(0, len(sentence), 10):
            chunk = sentence[k:k + 10]
            text = " ".join(w[2] for w in chunk).replace("&", "&amp;")
            agent = f' ttm:agent="{agents[speaker]}"' if speaker else ""
            f.write(f'<p begin="{stamp(chunk[0][0])}" end="{stamp(chunk[-1][1])}"{agent}>{text}</p>\n')
    f.write('</div></body>\n</tt>\n')
