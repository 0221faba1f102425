"""bank15 settings for tools/banks/bank.py (keys described there): emphasis on long phone-typed
situations (3-5 sentences, 30-90 words) and very short 1-4 word queries, near-miss rules,
at least 450 in-scope and 250 out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank15', styles=('si', 'sh', 'fa', 'ph', 'ns', 'ro', 'ac', 'ma'),
              situation_words=(30, 90), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
