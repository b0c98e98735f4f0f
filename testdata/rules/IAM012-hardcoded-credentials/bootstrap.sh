#!/bin/bash
export AWS_SECRET_ACCESS_KEY="${aws_secret_access_key}"
aws s3 sync s3://artifacts /opt/app
