"""bank17 settings for tools/banks/bank.py (keys described there): phone-typed practitioner
questions (GP, midwife, DSL, police, housing, youth worker, early years), acronym style allowed,
situation questions 25-70 words, near-miss rules, at least 450 in-scope and 250
out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank17', styles=('ro', 'si', 'ph', 'sh', 'ns', 'fa', 'ma', 'fu', 'ac'),
              situation_words=(25, 70), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
