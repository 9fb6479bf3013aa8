FROM nested-kept:1
