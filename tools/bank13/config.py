"""bank13 settings for tools/banks/bank.py (keys described there): all nine style codes
allowed, situation questions 30-90 words, near-miss rules, at least 450 in-scope and 250
out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank13', styles=('ns', 'ma', 'ro', 'si', 'fa', 'sh', 'fu', 'ph', 'ac'),
              situation_words=(30, 90), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
