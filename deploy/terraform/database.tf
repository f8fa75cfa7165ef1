resource "aws_db_subnet_group" "main" {
  name       = local.name
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "database" {
  name        = "${local.name}-database"
  description = "PostgreSQL, reachable from the app tasks only"
  vpc_id      = aws_vpc.main.id

  ingress {
    description     = "PostgreSQL from the app"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

resource "random_password" "database" {
  length  = 32
  special = false
}

resource "aws_db_instance" "main" {
  identifier     = local.name
  engine         = "postgres"
  engine_version = "17"
  instance_class = var.db_instance_class
  db_name        = "emporium"
  username       = "emporium"
  password       = random_password.database.result

  allocated_storage     = var.db_allocated_storage
  max_allocated_storage = var.db_allocated_storage * 4
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.main.name
  vpc_security_group_ids = [aws_security_group.database.id]
  publicly_accessible    = false

  backup_retention_period      = 14
  deletion_protection          = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${local.name}-final"
  performance_insights_enabled = true
  auto_minor_version_upgrade   = true
}

# The app reads DATABASE_URL from here; the password is never in a task definition or an environment file.
resource "aws_secretsmanager_secret" "database" {
  name        = "${local.name}/database"
  description = "PostgreSQL credentials and DATABASE_URL for the Emporium app"
}

resource "aws_secretsmanager_secret_version" "database" {
  secret_id = aws_secretsmanager_secret.database.id

  secret_string = jsonencode({
    username     = aws_db_instance.main.username
    password     = random_password.database.result
    host         = aws_db_instance.main.address
    port         = aws_db_instance.main.port
    DATABASE_URL = "postgres://${aws_db_instance.main.username}:${random_password.database.result}@${aws_db_instance.main.address}:${aws_db_instance.main.port}/emporium?sslmode=require"
  })
}

# The app's own secrets (NEXTAUTH_SECRET, LINK_SIGNING_SECRET, STRIPE_*, COGNITO_CLIENT_SECRET, ...): Terraform makes the
# container, an operator puts the JSON in (see README.md), so the values never pass through Terraform state.
resource "aws_secretsmanager_secret" "app" {
  name        = "${local.name}/app"
  description = "Emporium application secrets, one JSON key per environment variable"
}
