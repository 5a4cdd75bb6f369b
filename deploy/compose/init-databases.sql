-- One database per service, as the devstack and Kubernetes give them.
CREATE DATABASE kol;
CREATE DATABASE interaction;
CREATE DATABASE insight;
CREATE DATABASE metrics;
