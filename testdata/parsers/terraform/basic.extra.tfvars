create_key = false
