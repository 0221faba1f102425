"""bank11 settings for tools/banks/bank.py (keys described there): situation questions
30-90 words from frontline roles, hurried/typo 'phone' questions, different-vocabulary
paraphrases (nosourcewords), follow-ups, facts and short queries; near-miss rules, at least
450 in-scope and 250 out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank11', styles=('si', 'ph', 'ns', 'fu', 'fa', 'sh', 'ro', 'ma'),
              situation_words=(30, 90), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
