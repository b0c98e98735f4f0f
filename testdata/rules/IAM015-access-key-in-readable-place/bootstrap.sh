echo "${secret}" > /etc/ci-secret
