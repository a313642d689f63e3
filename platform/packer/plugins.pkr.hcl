# Kept apart from the build so the build file also validates with the Packer that Debian
# ships (1.6, no plugin blocks) in the tests. Run `packer init .` once before building.
packer {
  required_version = ">= 1.10.0"
  required_plugins {
    azure = {
      source  = "github.com/hashicorp/azure"
      version = "~> 2.1"
    }
  }
}
