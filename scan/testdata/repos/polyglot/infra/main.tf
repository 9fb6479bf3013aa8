terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    # a comment { with braces }
    random = {
      source = "registry.terraform.io/hashicorp/random"
    }
    legacy = "~> 1.0"
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}
