output "load_balancer_dns_name" {
  description = "Point domain_name here (a CNAME, or an alias record in Route 53)."
  value       = aws_lb.main.dns_name
}

output "files_bucket" {
  description = "S3 bucket for product images (images/) and shipping labels (labels/); the app gets it as S3_BUCKET."
  value       = aws_s3_bucket.files.bucket
}

output "files_cdn_domain" {
  description = "CloudFront domain serving images/ from the files bucket."
  value       = aws_cloudfront_distribution.files.domain_name
}

output "database_endpoint" {
  description = "RDS PostgreSQL endpoint (host:port), reachable from the app tasks only."
  value       = aws_db_instance.main.endpoint
}

output "database_secret_arn" {
  description = "Secrets Manager secret holding the database credentials and DATABASE_URL."
  value       = aws_secretsmanager_secret.database.arn
}

output "app_secret_arn" {
  description = "Secrets Manager secret to fill with the app's secrets (JSON, one key per variable; see README.md)."
  value       = aws_secretsmanager_secret.app.arn
}

output "cognito_issuer" {
  description = "COGNITO_ISSUER for the app."
  value       = "https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.main.id}"
}

output "cognito_client_id" {
  description = "COGNITO_CLIENT_ID for the app; its secret goes into the app secret as COGNITO_CLIENT_SECRET."
  value       = aws_cognito_user_pool_client.web.id
}

output "cognito_hosted_ui" {
  description = "The Cognito hosted sign-in domain."
  value       = "https://${aws_cognito_user_pool_domain.main.domain}.auth.${var.region}.amazoncognito.com"
}

output "ecs_cluster" {
  description = "ECS cluster running the app service."
  value       = aws_ecs_cluster.main.name
}

output "migrate_task_definition" {
  description = "Task definition to run once per release, before the service update (see README.md)."
  value       = aws_ecs_task_definition.migrate.arn
}

output "migrate_network" {
  description = "Subnets and security group for `aws ecs run-task` of the migration."

  value = {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.app.id]
  }
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = aws_sns_topic.alarms.arn
}
