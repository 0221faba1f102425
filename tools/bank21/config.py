"""bank21 settings for tools/banks/bank.py (keys described there): acronym style allowed,
situation questions 25-90 words, near-miss rules, at least 400 in-scope and 200
out-of-scope questions and 40 in-scope questions per document."""
CONFIG = dict(name='bank21', styles=('ro', 'si', 'ph', 'sh', 'ns', 'fa', 'ma', 'fu', 'ac'),
              situation_words=(25, 90), near_miss=True, min_inscope=400, min_oos=200, min_per_doc=40)
