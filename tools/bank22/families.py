"""Writing-time helper: count how many in-scope and out-of-scope questions use each phrasing
family (a question can use several). Run from the repository root:
    python3 tools/bank22/families.py [family]   # with a family name, list its questions"""
import pathlib, re, sys
here = pathlib.Path(__file__).resolve().parent
G = r'guid[a-z]*nce|guidence|guidnce|guidance'
FAMILIES = [
    ('what does the guidance say', rf'\b(what|wat|wot)\b[^|]*\b(does|do|dose|did)\b[^|]*\b({G})\b[^|]*\b(say|says|recommend|advise)\b'),
    ("guidance on/re/for X, what's the guidance, X guidance", rf"\b({G})\s+(on|re|for|about|around|in)\b|(what'?s|whats|wats|any|is there)\s+(the\s+|any\s+)?({G})\b|\b\w+\s+({G})\s*(\?|pls|please)?\s*$"),
    ('the library / libary', r'\blibr?a?ry\b|\blibary\b'),
    ('the reviews (say / got / found)', r'\b(the\s+)?reviews\b[^|]*\b(say|got|found|find|have|show|tell|mention)\b|\breviews? (say|got)\b'),
    ('does the guidance cover / mention', r'\b(cover|covers|covered|mention|mentions|mentioned)\b'),
    ('the documents / docs', r'\b(documents?|docs)\b'),
    ('the learning on / show me the learning', r"\b(show me the learning|what'?s the learning|the learning (on|about|re|from))\b|\blearning\s*\??\s*$"),
    ('addressing you (can you / do you / have you)', r'\b(can|could|do|have|would)\s+(you|u)\b|\byou got\b'),
    ('anything / is there anything ... in here', r'\bin here\b'),
    ('what should I do (situation ending)', r'\b(should|shud)\s+i\s+(do|be doing|use)\b|\bi should (do|be doing)\b'),
    ('according to the guidance / per the X', r'\baccording to\b|\bper the\b'),
    ('names a document (report, briefing, webinar, paper, note, research)', r'\b(report|briefing|webinar|paper|note|research|audit|audits)\b'),
    ('names a review (Alfie, Child J/K/S/Q, JSCR, other named cases)', r'\b(alfie|child [jksq]|jscr|arthur|star hobson|baby p|climbie|pelka|rotherham)\b'),
    ('role opener (X here -, as a X)', r'^[^|]{0,40}\b(here\s*[-,]|here\b|as a |as an )'),
    ('no reference to guidance/library/reviews/documents', None),
]
REF = rf'\b({G}|librar?y|libary|reviews?|documents?|docs|learning|learnin|report|briefings?|webinar|papers?|write-ups|note|research|audits?|working together|in here|you|u)\b'

def rows(name, qcol):
    for line in (here / name).read_text(encoding='utf-8').split('\n'):
        if line.strip() and not line.startswith('#'):
            yield line.split('|')[qcol]

def fams(q):
    out = []
    for n, rx in FAMILIES:
        if rx is None:
            if not re.search(REF, q, re.I): out.append(n)
        elif re.search(rx, q, re.I):
            out.append(n)
    return out

ins = list(rows('inscope.txt', 2)); oos = list(rows('oos.txt', 1))
if len(sys.argv) > 1:
    for side, qs in (('IN', ins), ('OOS', oos)):
        for q in qs:
            if any(sys.argv[1].lower() in f.lower() for f in fams(q)): print(side, q)
    sys.exit()
print(f'{"family":70s} {"in":>4s} {"oos":>4s}')
for n, _ in FAMILIES:
    a = sum(n in fams(q) for q in ins); b = sum(n in fams(q) for q in oos)
    print(f'{n:70s} {a:4d} {b:4d}')
print(f'{"total questions":70s} {len(ins):4d} {len(oos):4d}')
