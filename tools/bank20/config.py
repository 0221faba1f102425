"""bank20 settings for tools/banks/bank.py (keys described there): acronym style allowed,
situation questions 25-80 words, near-miss rules, at least 450 in-scope and 250
out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank20', styles=('ro', 'si', 'ph', 'sh', 'ns', 'fa', 'ma', 'fu', 'ac'),
              situation_words=(25, 80), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
