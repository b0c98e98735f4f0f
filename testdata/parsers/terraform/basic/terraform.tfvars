env        = "prod"
create_key = true
