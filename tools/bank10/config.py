"""bank10 settings for tools/banks/bank.py (keys described there): the same style codes as
bank8, with the emphasis on phone text-speak, 1-4 word queries, acronyms, named reviews and
yes/no checks; situation questions 30-80 words, near-miss rules, at least 450 in-scope and
250 out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank10', styles=('ph', 'sh', 'ac', 'ma', 'fa', 'si', 'fu', 'ro', 'ns'),
              situation_words=(30, 80), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
