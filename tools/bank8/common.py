import re, pathlib
ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = {
    'w': 'child-safeguarding-practice-review-panel-webinar-2020-08',
    'g': 'gateshead-learning-from-reviews-2022',
    't': 'telford-learning-from-local-reviews-2021',
    'n': 'telford-learning-review-briefing-note-neglect',
    'c': 'newcastle-learning-from-practice-annual-report-2016-17',
}
def norm(s):
    s = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', s)  # link syntax -> text
    s = s.replace('*', '').replace('_', '')
    s = re.sub(r'\s+', ' ', s)
    return s.strip().lower()
def doc_text(name):
    return norm((ROOT / 'corpus' / (name + '.md')).read_text(encoding='utf-8'))
