variable "region" {
  description = "AWS region for everything except the CloudFront certificate (always us-east-1)."
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Name of this deployment, used in resource names and tags: production, staging, ..."
  type        = string
  default     = "production"
}

variable "domain_name" {
  description = "The shop's public host name, e.g. shop.example.com; NEXTAUTH_URL becomes https://<domain_name>."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate (in var.region) for domain_name, served by the load balancer."
  type        = string
}

variable "image" {
  description = "The app image with a pinned tag, e.g. ghcr.io/emporium/emporium:0.1.0 (the release workflow pushes it)."
  type        = string
}

variable "migrate_image" {
  description = "The migration image with the same tag as image, e.g. ghcr.io/emporium/emporium-migrate:0.1.0."
  type        = string
}

variable "vpc_cidr" {
  description = "Address range of the VPC; split into two public and two private subnets."
  type        = string
  default     = "10.40.0.0/16"
}

variable "db_instance_class" {
  description = "RDS instance class for PostgreSQL."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_allocated_storage" {
  description = "Initial RDS storage in GiB; storage autoscaling may grow it to four times this."
  type        = number
  default     = 50
}

variable "app_cpu" {
  description = "Fargate CPU units per app task (1024 = one vCPU)."
  type        = number
  default     = 1024
}

variable "app_memory" {
  description = "Fargate memory per app task, in MiB."
  type        = number
  default     = 2048
}

variable "app_min_tasks" {
  description = "Fewest app tasks the autoscaler keeps running (at least two, one per availability zone)."
  type        = number
  default     = 2
}

variable "app_max_tasks" {
  description = "Most app tasks the autoscaler may run."
  type        = number
  default     = 10
}

variable "alarm_email" {
  description = "Address subscribed to the alarm topic; empty for none (subscribe something else to the topic output)."
  type        = string
  default     = ""
}

variable "latency_threshold_seconds" {
  description = "Alarm when the load balancer's p95 target response time stays above this many seconds."
  type        = number
  default     = 1.5
}

variable "cognito_domain_prefix" {
  description = "Prefix of the Cognito hosted sign-in domain (<prefix>.auth.<region>.amazoncognito.com); unique across AWS."
  type        = string
}
