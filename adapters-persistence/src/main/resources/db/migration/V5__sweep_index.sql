create index contacts_sweep on contacts (updated_at) where stage in ('lead', 'mql', 'sql', 'nurture');
