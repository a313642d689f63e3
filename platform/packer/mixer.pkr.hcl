# The mixer image: Windows Server 2022 (gen 2) with OBS Studio and the stream-control settings
# baseline, generalized and published as a new version of the platform's gallery image.
# Started by `stream-control platform build-image --env <env>`, which fills the variables from
# the platform's outputs; see help/platform.md. Plugins and the Packer version: plugins.pkr.hcl.

variable "subscription_id" {
  type        = string
  description = "Subscription of the platform (from the platform's mixer_image_id output)."
}

variable "resource_group" {
  type        = string
  description = "Platform resource group: holds the gallery and, for the build's lifetime, the build VM."
}

variable "gallery_name" {
  type = string
}

variable "image_name" {
  type = string
}

variable "image_version" {
  type        = string
  description = "Gallery version, Major.Minor.Patch; build-image makes 1.<yyyymmdd>.<hhmm> so newer sorts higher."
}

variable "location" {
  type        = string
  default     = "westeurope"
  description = "Region the version is replicated to: the events' region."
}

variable "vm_size" {
  type    = string
  default = "Standard_D2s_v3"
}

variable "image_sku" {
  type        = string
  default     = "2022-datacenter-azure-edition"
  description = "Marketplace SKU the event mixers use without the gallery, so both paths run the same OS."
}

variable "obs_version" {
  type    = string
  default = "31.1.2"
}

variable "obs_installer_url" {
  type        = string
  default     = ""
  description = "OBS installer download; empty uses the GitHub release asset of obs_version."
}

variable "obs_installer_sha256" {
  type        = string
  default     = ""
  description = "SHA-256 of the OBS installer; empty skips the check (set it for a reproducible build)."
}

locals {
  build_tags = {
    purpose      = "streaming-platform-build"
    lifecycle    = "temporary"
    "managed-by" = "stream-control"
  }
}

source "azure-arm" "mixer" {
  use_azure_cli_auth = true
  subscription_id    = var.subscription_id

  os_type         = "Windows"
  image_publisher = "MicrosoftWindowsServer"
  image_offer     = "WindowsServer"
  image_sku       = var.image_sku
  vm_size         = var.vm_size

  # Build in the platform's group: the crew needs no right to create resource groups.
  build_resource_group_name = var.resource_group
  azure_tags                = local.build_tags

  communicator   = "winrm"
  winrm_use_ssl  = true
  winrm_insecure = true
  winrm_timeout  = "15m"
  winrm_username = "packer"

  shared_image_gallery_destination {
    subscription        = var.subscription_id
    resource_group      = var.resource_group
    gallery_name        = var.gallery_name
    image_name          = var.image_name
    image_version       = var.image_version
    replication_regions = [var.location]
  }
  shared_image_gallery_replica_count = 1
}

build {
  name    = "mixer"
  sources = ["source.azure-arm.mixer"]

  provisioner "file" {
    source      = "${path.root}/obs-baseline/"
    destination = "C:/ProgramData/stream-control/obs-baseline"
  }

  provisioner "powershell" {
    script = "${path.root}/scripts/install-obs.ps1"
    environment_vars = [
      "OBS_VERSION=${var.obs_version}",
      "OBS_INSTALLER_URL=${var.obs_installer_url}",
      "OBS_INSTALLER_SHA256=${var.obs_installer_sha256}",
    ]
  }

  provisioner "windows-restart" {
    restart_timeout = "15m"
  }

  provisioner "powershell" {
    script = "${path.root}/scripts/verify-obs.ps1"
  }

  provisioner "powershell" {
    script = "${path.root}/scripts/generalize.ps1"
  }
}
