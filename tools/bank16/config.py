"""bank16 settings for tools/banks/bank.py (keys described there): professional-register
questions from health, police, education and housing (role, acronym, yes/no and cross-review
comparison questions), situation questions 25-90 words, near-miss rules, at least 450 in-scope
and 250 out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank16', styles=('ro', 'ac', 'fu', 'ma', 'si', 'ph', 'sh', 'ns', 'fa'),
              situation_words=(25, 90), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
