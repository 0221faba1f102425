"""bank6 settings for tools/banks/bank.py (keys described there): no acronym style,
situation questions 20-60 words, no near-miss rules and no minimum counts."""
CONFIG = dict(name='bank6', styles=('ro', 'si', 'ph', 'sh', 'ns', 'fa', 'ma', 'fu'),
              situation_words=(20, 60), near_miss=False, min_inscope=None, min_oos=None, min_per_doc=None)
