"""bank22 settings for tools/banks/bank.py (keys described there): acronym style allowed,
situation questions 25-90 words, near-miss rules, at least 260 in-scope and 200
out-of-scope questions and 25 in-scope questions per document."""
CONFIG = dict(name='bank22', styles=('ro', 'si', 'ph', 'sh', 'ns', 'fa', 'ma', 'fu', 'ac'),
              situation_words=(25, 90), near_miss=True, min_inscope=260, min_oos=200, min_per_doc=25)
