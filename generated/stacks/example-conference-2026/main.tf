terraform {
  required_providers {
    azurerm = {
      version = "4.55.0"
      source  = "azurerm"
    }
    random = {
      version = "3.7.2"
      source  = "hashicorp/random"
    }
  }
  backend "local" {
    path = "../../../state/production/example-conference-2026.tfstate"
  }


}

provider "azurerm" {
  features {

  }
}

provider "random" {
}

variable "srt_passphrase" {
  description = "SRT passphrase for ingest and mixer pulls (10-79 characters)."
  type        = string
  sensitive   = true
  validation {
    error_message = "srt_passphrase must be 10 to 79 characters (SRT's rule)."
    condition     = length(var.srt_passphrase) >= 10 && length(var.srt_passphrase) <= 79
  }
  validation {
    error_message = "srt_passphrase may hold only A-Z, a-z, 0-9 and . _ ~ - (it travels inside SRT URLs)."
    condition     = can(regex("^[A-Za-z0-9._~-]+$", var.srt_passphrase))
  }
}

variable "youtube_key_original" {
  description = "YouTube stream key of the original channel."
  type        = string
  sensitive   = true
  validation {
    error_message = "youtube_key_original is empty: give the original channel's stream key."
    condition     = length(trimspace(var.youtube_key_original)) > 0
  }
}

variable "youtube_key_spanish" {
  description = "YouTube stream key of the spanish channel."
  type        = string
  sensitive   = true
  validation {
    error_message = "youtube_key_spanish is empty: give the spanish channel's stream key."
    condition     = length(trimspace(var.youtube_key_spanish)) > 0
  }
}

variable "youtube_key_french" {
  description = "YouTube stream key of the french channel."
  type        = string
  sensitive   = true
  validation {
    error_message = "youtube_key_french is empty: give the french channel's stream key."
    condition     = length(trimspace(var.youtube_key_french)) > 0
  }
}
resource "azurerm_resource_group" "resource-group" {
  location = "westeurope"
  name     = "rg-streaming-example-conference-2026-production"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
}
resource "azurerm_virtual_network" "network_vnet_BCBC8A9D" {
  address_space = [
    "10.42.0.0/16"
  ]
  location            = azurerm_resource_group.resource-group.location
  name                = "vnet-example-conference-2026-production"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
}
resource "azurerm_subnet" "network_subnet-containers_9609D2F5" {
  address_prefixes = [
    "10.42.1.0/24"
  ]
  name                 = "snet-containers"
  resource_group_name  = azurerm_resource_group.resource-group.name
  virtual_network_name = azurerm_virtual_network.network_vnet_BCBC8A9D.name
}
resource "azurerm_subnet" "network_subnet-mixers_36C971F9" {
  address_prefixes = [
    "10.42.2.0/24"
  ]
  name                 = "snet-mixers"
  resource_group_name  = azurerm_resource_group.resource-group.name
  virtual_network_name = azurerm_virtual_network.network_vnet_BCBC8A9D.name
}
resource "azurerm_network_security_group" "network_nsg-containers_F7D4166D" {
  location            = azurerm_resource_group.resource-group.location
  name                = "nsg-example-conference-2026-containers"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
}
resource "azurerm_subnet_network_security_group_association" "network_nsg-containers-association_B240892B" {
  network_security_group_id = azurerm_network_security_group.network_nsg-containers_F7D4166D.id
  subnet_id                 = azurerm_subnet.network_subnet-containers_9609D2F5.id
}
resource "azurerm_network_security_group" "network_nsg-mixers_A6F47491" {
  location            = azurerm_resource_group.resource-group.location
  name                = "nsg-example-conference-2026-mixers"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
}
resource "azurerm_subnet_network_security_group_association" "network_nsg-mixers-association_E542DE53" {
  network_security_group_id = azurerm_network_security_group.network_nsg-mixers_A6F47491.id
  subnet_id                 = azurerm_subnet.network_subnet-mixers_36C971F9.id
}
resource "azurerm_network_security_rule" "network_rule-allow-srt-ingest_4370B9E7" {
  access                     = "Allow"
  destination_address_prefix = "*"
  destination_port_ranges = [
    "9998",
    "9997"
  ]
  direction                   = "Inbound"
  name                        = "allow-srt-ingest"
  network_security_group_name = azurerm_network_security_group.network_nsg-containers_F7D4166D.name
  priority                    = 100
  protocol                    = "Udp"
  resource_group_name         = azurerm_resource_group.resource-group.name
  source_address_prefixes = [
    "203.0.113.0/24"
  ]
  source_port_range = "*"
}
resource "azurerm_network_security_rule" "network_rule-allow-mixer-feeds_3087DCC5" {
  access                     = "Allow"
  destination_address_prefix = "*"
  destination_port_ranges = [
    "10001",
    "10002"
  ]
  direction                   = "Inbound"
  name                        = "allow-mixer-feeds"
  network_security_group_name = azurerm_network_security_group.network_nsg-mixers_A6F47491.name
  priority                    = 105
  protocol                    = "Udp"
  resource_group_name         = azurerm_resource_group.resource-group.name
  source_address_prefix       = "AzureCloud.westeurope"
  source_port_range           = "*"
}
resource "azurerm_network_security_rule" "network_rule-containers-health-vnet_B5972FB6" {
  access                     = "Allow"
  destination_address_prefix = "*"
  destination_port_ranges = [
    "8080"
  ]
  direction                   = "Inbound"
  name                        = "allow-health-vnet"
  network_security_group_name = azurerm_network_security_group.network_nsg-containers_F7D4166D.name
  priority                    = 110
  protocol                    = "Tcp"
  resource_group_name         = azurerm_resource_group.resource-group.name
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
}
resource "azurerm_network_security_rule" "network_rule-containers-health-operators_71ECC4E3" {
  access                     = "Allow"
  destination_address_prefix = "*"
  destination_port_ranges = [
    "8080"
  ]
  direction                   = "Inbound"
  name                        = "allow-health-operators"
  network_security_group_name = azurerm_network_security_group.network_nsg-containers_F7D4166D.name
  priority                    = 111
  protocol                    = "Tcp"
  resource_group_name         = azurerm_resource_group.resource-group.name
  source_address_prefixes = [
    "198.51.100.0/24"
  ]
  source_port_range = "*"
}
resource "azurerm_network_security_rule" "network_rule-mixers-health-vnet_D1C44182" {
  access                     = "Allow"
  destination_address_prefix = "*"
  destination_port_ranges = [
    "8080"
  ]
  direction                   = "Inbound"
  name                        = "allow-health-vnet"
  network_security_group_name = azurerm_network_security_group.network_nsg-mixers_A6F47491.name
  priority                    = 110
  protocol                    = "Tcp"
  resource_group_name         = azurerm_resource_group.resource-group.name
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
}
resource "azurerm_network_security_rule" "network_rule-mixers-health-operators_C14A2658" {
  access                     = "Allow"
  destination_address_prefix = "*"
  destination_port_ranges = [
    "8080"
  ]
  direction                   = "Inbound"
  name                        = "allow-health-operators"
  network_security_group_name = azurerm_network_security_group.network_nsg-mixers_A6F47491.name
  priority                    = 111
  protocol                    = "Tcp"
  resource_group_name         = azurerm_resource_group.resource-group.name
  source_address_prefixes = [
    "198.51.100.0/24"
  ]
  source_port_range = "*"
}
resource "azurerm_network_security_rule" "network_rule-allow-rdp_4070E379" {
  access                     = "Allow"
  destination_address_prefix = "*"
  destination_port_ranges = [
    "3389"
  ]
  direction                   = "Inbound"
  name                        = "allow-rdp"
  network_security_group_name = azurerm_network_security_group.network_nsg-mixers_A6F47491.name
  priority                    = 120
  protocol                    = "Tcp"
  resource_group_name         = azurerm_resource_group.resource-group.name
  source_address_prefixes = [
    "198.51.100.0/24"
  ]
  source_port_range = "*"
}
resource "random_password" "status-token" {
  length  = 32
  special = false
}
resource "azurerm_container_group" "srt-relay_group_C4B4DB18" {
  dns_name_label = "srt-relay-example-conference-2026-5b4078"
  exposed_port {
    port     = 9998
    protocol = "UDP"
  }
  exposed_port {
    port     = 8080
    protocol = "TCP"
  }
  ip_address_type     = "Public"
  location            = azurerm_resource_group.resource-group.location
  name                = "ci-relay-example-conference-2026-production"
  os_type             = "Linux"
  resource_group_name = azurerm_resource_group.resource-group.name
  restart_policy      = "Always"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  container {
    cpu = 2
    environment_variables = {
      EVENT_NAME               = "example-conference-2026"
      SRT_INGEST_PORT          = "9998"
      SRT_OUTPUT_TARGETS       = "${azurerm_public_ip.mixer-original_public-ip_735FA4E5.ip_address}:10001,${azurerm_public_ip.mixer-spanish_public-ip_7AD508DB.ip_address}:10001,${azurerm_public_ip.mixer-french_public-ip_6FE74E39.ip_address}:10001"
      SRT_OUTPUT_NAMES         = "original,spanish,french"
      SRT_LATENCY_MS           = "200"
      SRT_PEER_IDLE_TIMEOUT_MS = "5000"
      HEALTH_PORT              = "8080"
      OUTPUT_AUDIO             = "[{\"source\":{\"track\":1}},{\"source\":{\"track\":2}},{\"source\":{\"track\":3}}]"
    }
    image  = "streamcontrol.azurecr.io/srt-relay:latest"
    memory = 4
    name   = "srt-relay"
    secure_environment_variables = {
      SRT_PASSPHRASE = "${var.srt_passphrase}"
      STATUS_TOKEN   = "${random_password.status-token.result}"
    }
    liveness_probe {
      failure_threshold     = 3
      initial_delay_seconds = 30
      period_seconds        = 10
      timeout_seconds       = 5
      http_get {
        path   = "/healthz"
        port   = 8080
        scheme = "http"
      }
    }
    ports {
      port     = 9998
      protocol = "UDP"
    }
    ports {
      port     = 8080
      protocol = "TCP"
    }
    readiness_probe {
      failure_threshold     = 3
      initial_delay_seconds = 10
      period_seconds        = 10
      timeout_seconds       = 5
      http_get {
        path   = "/readyz"
        port   = 8080
        scheme = "http"
      }
    }
  }
}
resource "azurerm_container_group" "slide-splitter_group_E16CABAF" {
  dns_name_label = "srt-splitter-example-conference-2026-890616"
  exposed_port {
    port     = 9997
    protocol = "UDP"
  }
  exposed_port {
    port     = 8080
    protocol = "TCP"
  }
  ip_address_type     = "Public"
  location            = azurerm_resource_group.resource-group.location
  name                = "ci-splitter-example-conference-2026-production"
  os_type             = "Linux"
  resource_group_name = azurerm_resource_group.resource-group.name
  restart_policy      = "Always"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  container {
    cpu = 1
    environment_variables = {
      EVENT_NAME               = "example-conference-2026"
      SRT_INGEST_PORT          = "9997"
      SRT_OUTPUT_TARGETS       = "${azurerm_public_ip.mixer-original_public-ip_735FA4E5.ip_address}:10002,${azurerm_public_ip.mixer-spanish_public-ip_7AD508DB.ip_address}:10002,${azurerm_public_ip.mixer-french_public-ip_6FE74E39.ip_address}:10002"
      SRT_OUTPUT_NAMES         = "original,spanish,french"
      SRT_LATENCY_MS           = "200"
      SRT_PEER_IDLE_TIMEOUT_MS = "5000"
      HEALTH_PORT              = "8080"
      SLIDE_FIT                = "crop"
      OUTPUT_SIZE              = "1920x1080"
    }
    image  = "streamcontrol.azurecr.io/slide-splitter:latest"
    memory = 2
    name   = "slide-splitter"
    secure_environment_variables = {
      SRT_PASSPHRASE = "${var.srt_passphrase}"
      STATUS_TOKEN   = "${random_password.status-token.result}"
    }
    liveness_probe {
      failure_threshold     = 3
      initial_delay_seconds = 30
      period_seconds        = 10
      timeout_seconds       = 5
      http_get {
        path   = "/healthz"
        port   = 8080
        scheme = "http"
      }
    }
    ports {
      port     = 9997
      protocol = "UDP"
    }
    ports {
      port     = 8080
      protocol = "TCP"
    }
    readiness_probe {
      failure_threshold     = 3
      initial_delay_seconds = 10
      period_seconds        = 10
      timeout_seconds       = 5
      http_get {
        path   = "/readyz"
        port   = 8080
        scheme = "http"
      }
    }
  }
}
resource "random_password" "mixer-admin-password" {
  length           = 24
  min_lower        = 2
  min_numeric      = 2
  min_special      = 2
  min_upper        = 2
  override_special = "!#%*-_=+?"
  special          = true
}
resource "azurerm_public_ip" "mixer-original_public-ip_735FA4E5" {
  allocation_method   = "Static"
  location            = azurerm_resource_group.resource-group.location
  name                = "pip-example-conference-2026-original-1"
  resource_group_name = azurerm_resource_group.resource-group.name
  sku                 = "Standard"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
}
resource "azurerm_network_interface" "mixer-original_nic_B0E166C2" {
  location            = azurerm_resource_group.resource-group.location
  name                = "nic-example-conference-2026-original-1"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  ip_configuration {
    name                          = "primary"
    private_ip_address            = "10.42.2.11"
    private_ip_address_allocation = "Static"
    public_ip_address_id          = azurerm_public_ip.mixer-original_public-ip_735FA4E5.id
    subnet_id                     = azurerm_subnet.network_subnet-mixers_36C971F9.id
  }
}
resource "azurerm_windows_virtual_machine" "mixer-original_vm_71C0D8EA" {
  admin_password            = random_password.mixer-admin-password.result
  admin_username            = "streamadmin"
  automatic_updates_enabled = false
  computer_name             = "mx01-original"
  custom_data               = "IyBDb25maWd1cmVzIE9CUyBTdHVkaW8gb24gYSBsYW5ndWFnZSBtaXhlciwgdW5hdHRlbmRlZC4gUnVucyBvbmNlIGZyb20gdGhlIFZNJ3MgY3VzdG9tIHNjcmlwdAojIGV4dGVuc2lvbiwgYXMgU1lTVEVNLiBTZWNyZXRzIGFycml2ZSBiYXNlNjQtZW5jb2RlZCBpbiB0aGUgZXh0ZW5zaW9uJ3MgcHJvdGVjdGVkIHNldHRpbmdzIHNvCiMgbm8gcXVvdGluZyBpbiB0aGVtIGNhbiBicmVhayBvdXQgb2YgdGhpcyBjb21tYW5kIGxpbmU7IG5vdGhpbmcgaGVyZSBwcmludHMgdGhlbS4KcGFyYW0oCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkTGFuZ3VhZ2UsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkUHJvZ3JhbVVybCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRTbGlkZXNVcmwsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbaW50XSAkTGF0ZW5jeU1zLAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJEFkbWluVXNlciwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRTdHJlYW1LZXlCNjQsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkUGFzc3BocmFzZUI2NCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRBZG1pblBhc3N3b3JkQjY0LAogIFtzdHJpbmddICRPYnNJbnN0YWxsZXJVcmwgPSAnaHR0cHM6Ly9jZG4tZmFzdGx5Lm9ic3Byb2plY3QuY29tL2Rvd25sb2Fkcy9PQlMtU3R1ZGlvLTMxLjAuMi1XaW5kb3dzLUluc3RhbGxlci5leGUnCikKJEVycm9yQWN0aW9uUHJlZmVyZW5jZSA9ICdTdG9wJwpmdW5jdGlvbiBEZWNvZGUoW3N0cmluZ10gJGI2NCkgeyBbVGV4dC5FbmNvZGluZ106OlVURjguR2V0U3RyaW5nKFtDb252ZXJ0XTo6RnJvbUJhc2U2NFN0cmluZygkYjY0KSkgfQokc3RyZWFtS2V5ID0gRGVjb2RlICRTdHJlYW1LZXlCNjQKJHBhc3NwaHJhc2UgPSBEZWNvZGUgJFBhc3NwaHJhc2VCNjQKCiMgMS4gT0JTIGl0c2VsZjogYSBwcmUtYnVpbHQgbWl4ZXIgaW1hZ2UgYWxyZWFkeSBoYXMgaXQgKGFib3V0IDMgbWludXRlcyB0byByZWFkeSwgbm90IDEwKS4KJG9icyA9ICdDOlxQcm9ncmFtIEZpbGVzXG9icy1zdHVkaW9cYmluXDY0Yml0XG9iczY0LmV4ZScKaWYgKC1ub3QgKFRlc3QtUGF0aCAkb2JzKSkgewogICRpbnN0YWxsZXIgPSBKb2luLVBhdGggJGVudjpURU1QICdvYnMtaW5zdGFsbGVyLmV4ZScKICBJbnZva2UtV2ViUmVxdWVzdCAtVXJpICRPYnNJbnN0YWxsZXJVcmwgLU91dEZpbGUgJGluc3RhbGxlciAtVXNlQmFzaWNQYXJzaW5nCiAgU3RhcnQtUHJvY2VzcyAtRmlsZVBhdGggJGluc3RhbGxlciAtQXJndW1lbnRMaXN0ICcvUycgLVdhaXQKfQoKIyAyLiBQcm9maWxlLCBzZXJ2aWNlIGFuZCBzY2VuZSBjb2xsZWN0aW9uIHVuZGVyIHRoZSBhZG1pbiB1c2VyJ3MgcHJvZmlsZS4KJHVzZXJIb21lID0gIkM6XFVzZXJzXCRBZG1pblVzZXIiCiRyb290ID0gSm9pbi1QYXRoICR1c2VySG9tZSAnQXBwRGF0YVxSb2FtaW5nXG9icy1zdHVkaW9cYmFzaWMnCiRwcm9maWxlRGlyID0gSm9pbi1QYXRoICRyb290ICJwcm9maWxlc1wkTGFuZ3VhZ2UiCiRzY2VuZXNEaXIgPSBKb2luLVBhdGggJHJvb3QgJ3NjZW5lcycKTmV3LUl0ZW0gLUl0ZW1UeXBlIERpcmVjdG9yeSAtRm9yY2UgLVBhdGggJHByb2ZpbGVEaXIsICRzY2VuZXNEaXIgfCBPdXQtTnVsbAoKIyBmZm1wZWcgKGluc2lkZSBPQlMpIHRha2VzIFNSVCBsYXRlbmN5IGluIG1pY3Jvc2Vjb25kczsgdGhlIHJlbGF5IHRha2VzIG1pbGxpc2Vjb25kcy4KJHNydFF1ZXJ5ID0gIm1vZGU9Y2FsbGVyJmxhdGVuY3k9JCgkTGF0ZW5jeU1zICogMTAwMCkmcGJrZXlsZW49MTYmcGFzc3BocmFzZT0kKFtVcmldOjpFc2NhcGVEYXRhU3RyaW5nKCRwYXNzcGhyYXNlKSkiCmZ1bmN0aW9uIE1lZGlhU291cmNlKFtzdHJpbmddICRuYW1lLCBbc3RyaW5nXSAkdXJsKSB7CiAgQHsgaWQgPSAnZmZtcGVnX3NvdXJjZSc7IHZlcnNpb25lZF9pZCA9ICdmZm1wZWdfc291cmNlJzsgbmFtZSA9ICRuYW1lOyBzZXR0aW5ncyA9IEB7CiAgICAgIGlzX2xvY2FsX2ZpbGUgPSAkZmFsc2U7IGlucHV0ID0gIiR1cmxgPyRzcnRRdWVyeSI7IGlucHV0X2Zvcm1hdCA9ICdtcGVndHMnCiAgICAgIHJlY29ubmVjdF9kZWxheV9zZWMgPSAyOyByZXN0YXJ0X29uX2FjdGl2YXRlID0gJGZhbHNlOyBjbG9zZV93aGVuX2luYWN0aXZlID0gJGZhbHNlCiAgICAgIGJ1ZmZlcmluZ19tYiA9IDI7IGh3X2RlY29kZSA9ICRmYWxzZSB9IH0KfQokc2NlbmUgPSBAeyBpZCA9ICdzY2VuZSc7IHZlcnNpb25lZF9pZCA9ICdzY2VuZSc7IG5hbWUgPSAnTGl2ZSc7IHNldHRpbmdzID0gQHsgaXRlbXMgPSBAKAogICAgICBAeyBuYW1lID0gJ1Byb2dyYW0nOyBpZCA9IDE7IHZpc2libGUgPSAkdHJ1ZTsgcG9zID0gQHsgeCA9IDA7IHkgPSAwIH07IHNjYWxlID0gQHsgeCA9IDEuMDsgeSA9IDEuMCB9IH0sCiAgICAgIEB7IG5hbWUgPSAnU2xpZGVzJzsgaWQgPSAyOyB2aXNpYmxlID0gJHRydWU7IHBvcyA9IEB7IHggPSAxMjgwOyB5ID0gNzIwIH07IHNjYWxlID0gQHsgeCA9IDAuMzMzMzsgeSA9IDAuMzMzMyB9IH0KICAgICkgfSB9CiRjb2xsZWN0aW9uID0gQHsgbmFtZSA9ICRMYW5ndWFnZTsgY3VycmVudF9zY2VuZSA9ICdMaXZlJzsgY3VycmVudF9wcm9ncmFtX3NjZW5lID0gJ0xpdmUnCiAgc2NlbmVfb3JkZXIgPSBAKEB7IG5hbWUgPSAnTGl2ZScgfSk7IHNvdXJjZXMgPSBAKChNZWRpYVNvdXJjZSAnUHJvZ3JhbScgJFByb2dyYW1VcmwpLCAoTWVkaWFTb3VyY2UgJ1NsaWRlcycgJFNsaWRlc1VybCksICRzY2VuZSkgfQokY29sbGVjdGlvbiB8IENvbnZlcnRUby1Kc29uIC1EZXB0aCAxMCB8IFNldC1Db250ZW50IC1FbmNvZGluZyBVVEY4IChKb2luLVBhdGggJHNjZW5lc0RpciAiJExhbmd1YWdlLmpzb24iKQoKQHsgdHlwZSA9ICdydG1wX2NvbW1vbic7IHNldHRpbmdzID0gQHsgc2VydmljZSA9ICdZb3VUdWJlIC0gUlRNUFMnOyBzZXJ2ZXIgPSAncnRtcHM6Ly9hLnJ0bXBzLnlvdXR1YmUuY29tOjQ0My9saXZlMic7IGtleSA9ICRzdHJlYW1LZXkgfSB9IHwKICBDb252ZXJ0VG8tSnNvbiB8IFNldC1Db250ZW50IC1FbmNvZGluZyBVVEY4IChKb2luLVBhdGggJHByb2ZpbGVEaXIgJ3NlcnZpY2UuanNvbicpCkAiCltHZW5lcmFsXQpOYW1lPSRMYW5ndWFnZQpbT3V0cHV0XQpNb2RlPVNpbXBsZQpbU2ltcGxlT3V0cHV0XQpWQml0cmF0ZT02MDAwCkFCaXRyYXRlPTE2MApQcmVzZXQ9dmVyeWZhc3QKW1ZpZGVvXQpCYXNlQ1g9MTkyMApCYXNlQ1k9MTA4MApPdXRwdXRDWD0xOTIwCk91dHB1dENZPTEwODAKRlBTQ29tbW9uPTMwCiJAIHwgU2V0LUNvbnRlbnQgLUVuY29kaW5nIFVURjggKEpvaW4tUGF0aCAkcHJvZmlsZURpciAnYmFzaWMuaW5pJykKIyBPbmx5IHRoZSBhZG1pbiB1c2VyIGFuZCBTWVNURU0gbWF5IHJlYWQgdGhlIGZpbGVzIHRoYXQgaG9sZCB0aGUga2V5IGFuZCBwYXNzcGhyYXNlLgppY2FjbHMgJHByb2ZpbGVEaXIgL2luaGVyaXRhbmNlOnIgL2dyYW50OnIgIiR7QWRtaW5Vc2VyfTooT0kpKENJKUYiICdTWVNURU06KE9JKShDSSlGJyB8IE91dC1OdWxsCmljYWNscyAkc2NlbmVzRGlyIC9pbmhlcml0YW5jZTpyIC9ncmFudDpyICIke0FkbWluVXNlcn06KE9JKShDSSlGIiAnU1lTVEVNOihPSSkoQ0kpRicgfCBPdXQtTnVsbAoKIyAzLiBPQlMgbmVlZHMgYW4gaW50ZXJhY3RpdmUgZGVza3RvcDogbG9nIHRoZSBhZG1pbiBvbiBhdCBib290IGFuZCBzdGFydCBzdHJlYW1pbmcgYXQgbG9nb24uCiR3aW5sb2dvbiA9ICdIS0xNOlxTT0ZUV0FSRVxNaWNyb3NvZnRcV2luZG93cyBOVFxDdXJyZW50VmVyc2lvblxXaW5sb2dvbicKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgQXV0b0FkbWluTG9nb24gLVZhbHVlICcxJwpTZXQtSXRlbVByb3BlcnR5ICR3aW5sb2dvbiAtTmFtZSBEZWZhdWx0VXNlck5hbWUgLVZhbHVlICRBZG1pblVzZXIKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgRGVmYXVsdFBhc3N3b3JkIC1WYWx1ZSAoRGVjb2RlICRBZG1pblBhc3N3b3JkQjY0KQokYWN0aW9uID0gTmV3LVNjaGVkdWxlZFRhc2tBY3Rpb24gLUV4ZWN1dGUgJG9icyAtV29ya2luZ0RpcmVjdG9yeSAoU3BsaXQtUGF0aCAkb2JzKSBgCiAgLUFyZ3VtZW50ICItLXByb2ZpbGUgJExhbmd1YWdlIC0tY29sbGVjdGlvbiAkTGFuZ3VhZ2UgLS1zY2VuZSBMaXZlIC0tc3RhcnRzdHJlYW1pbmcgLS1kaXNhYmxlLXNodXRkb3duLWNoZWNrIgokdHJpZ2dlciA9IE5ldy1TY2hlZHVsZWRUYXNrVHJpZ2dlciAtQXRMb2dPbiAtVXNlciAkQWRtaW5Vc2VyClJlZ2lzdGVyLVNjaGVkdWxlZFRhc2sgLVRhc2tOYW1lICdzdHJlYW0tY29udHJvbC1vYnMnIC1BY3Rpb24gJGFjdGlvbiAtVHJpZ2dlciAkdHJpZ2dlciAtUnVuTGV2ZWwgSGlnaGVzdCAtRm9yY2UgfCBPdXQtTnVsbAoKV3JpdGUtT3V0cHV0ICJPQlMgY29uZmlndXJlZCBmb3IgJExhbmd1YWdlOyByZXN0YXJ0aW5nIHRvIGxvZyBvbiBhbmQgc3RhcnQgc3RyZWFtaW5nIgpzaHV0ZG93bi5leGUgL3IgL3QgNSAvYyAnc3RyZWFtLWNvbnRyb2w6IHN0YXJ0IE9CUycK"
  location                  = azurerm_resource_group.resource-group.location
  name                      = "vm-example-conference-2026-original-1"
  network_interface_ids = [
    "${azurerm_network_interface.mixer-original_nic_B0E166C2.id}"
  ]
  patch_mode          = "Manual"
  resource_group_name = azurerm_resource_group.resource-group.name
  size                = "Standard_D2s_v3"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
    role          = "language-mixer"
    language      = "original"
  }
  boot_diagnostics {

  }
  os_disk {
    caching              = "ReadWrite"
    name                 = "osdisk-example-conference-2026-original-1"
    storage_account_type = "StandardSSD_LRS"
  }
  source_image_reference {
    offer     = "WindowsServer"
    publisher = "MicrosoftWindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
}
resource "azurerm_virtual_machine_extension" "mixer-original_configure-obs_D826EFD7" {
  auto_upgrade_minor_version = true
  name                       = "configure-obs"
  protected_settings         = jsonencode({ "commandToExecute" = join("", ["powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ", textencodebase64(join("", ["New-Item -ItemType Directory -Force C:/stream-control | Out-Null; ", "Copy-Item C:/AzureData/CustomData.bin C:/stream-control/configure-obs.ps1 -Force; ", ". C:/stream-control/configure-obs.ps1 -Language original -ProgramUrl srt://", azurerm_container_group.srt-relay_group_C4B4DB18.fqdn, ":10001 -SlidesUrl srt://", azurerm_container_group.slide-splitter_group_E16CABAF.fqdn, ":10101", " -LatencyMs 200 -AdminUser streamadmin -StreamKeyB64 ", base64encode(var.youtube_key_original), " -PassphraseB64 ", base64encode(var.srt_passphrase), " -AdminPasswordB64 ", base64encode(random_password.mixer-admin-password.result)]), "UTF-16LE")]) })
  publisher                  = "Microsoft.Compute"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  type                 = "CustomScriptExtension"
  type_handler_version = "1.10"
  virtual_machine_id   = azurerm_windows_virtual_machine.mixer-original_vm_71C0D8EA.id
}
resource "azurerm_dev_test_global_vm_shutdown_schedule" "mixer-original_auto-shutdown_126DD9D6" {
  daily_recurrence_time = "0000"
  enabled               = true
  location              = azurerm_resource_group.resource-group.location
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  timezone           = "UTC"
  virtual_machine_id = azurerm_windows_virtual_machine.mixer-original_vm_71C0D8EA.id
  notification_settings {
    enabled = false
  }
}
resource "azurerm_public_ip" "mixer-spanish_public-ip_7AD508DB" {
  allocation_method   = "Static"
  location            = azurerm_resource_group.resource-group.location
  name                = "pip-example-conference-2026-spanish-2"
  resource_group_name = azurerm_resource_group.resource-group.name
  sku                 = "Standard"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
}
resource "azurerm_network_interface" "mixer-spanish_nic_D561FA95" {
  location            = azurerm_resource_group.resource-group.location
  name                = "nic-example-conference-2026-spanish-2"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  ip_configuration {
    name                          = "primary"
    private_ip_address            = "10.42.2.12"
    private_ip_address_allocation = "Static"
    public_ip_address_id          = azurerm_public_ip.mixer-spanish_public-ip_7AD508DB.id
    subnet_id                     = azurerm_subnet.network_subnet-mixers_36C971F9.id
  }
}
resource "azurerm_windows_virtual_machine" "mixer-spanish_vm_B544C88A" {
  admin_password            = random_password.mixer-admin-password.result
  admin_username            = "streamadmin"
  automatic_updates_enabled = false
  computer_name             = "mx02-spanish"
  custom_data               = "IyBDb25maWd1cmVzIE9CUyBTdHVkaW8gb24gYSBsYW5ndWFnZSBtaXhlciwgdW5hdHRlbmRlZC4gUnVucyBvbmNlIGZyb20gdGhlIFZNJ3MgY3VzdG9tIHNjcmlwdAojIGV4dGVuc2lvbiwgYXMgU1lTVEVNLiBTZWNyZXRzIGFycml2ZSBiYXNlNjQtZW5jb2RlZCBpbiB0aGUgZXh0ZW5zaW9uJ3MgcHJvdGVjdGVkIHNldHRpbmdzIHNvCiMgbm8gcXVvdGluZyBpbiB0aGVtIGNhbiBicmVhayBvdXQgb2YgdGhpcyBjb21tYW5kIGxpbmU7IG5vdGhpbmcgaGVyZSBwcmludHMgdGhlbS4KcGFyYW0oCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkTGFuZ3VhZ2UsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkUHJvZ3JhbVVybCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRTbGlkZXNVcmwsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbaW50XSAkTGF0ZW5jeU1zLAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJEFkbWluVXNlciwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRTdHJlYW1LZXlCNjQsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkUGFzc3BocmFzZUI2NCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRBZG1pblBhc3N3b3JkQjY0LAogIFtzdHJpbmddICRPYnNJbnN0YWxsZXJVcmwgPSAnaHR0cHM6Ly9jZG4tZmFzdGx5Lm9ic3Byb2plY3QuY29tL2Rvd25sb2Fkcy9PQlMtU3R1ZGlvLTMxLjAuMi1XaW5kb3dzLUluc3RhbGxlci5leGUnCikKJEVycm9yQWN0aW9uUHJlZmVyZW5jZSA9ICdTdG9wJwpmdW5jdGlvbiBEZWNvZGUoW3N0cmluZ10gJGI2NCkgeyBbVGV4dC5FbmNvZGluZ106OlVURjguR2V0U3RyaW5nKFtDb252ZXJ0XTo6RnJvbUJhc2U2NFN0cmluZygkYjY0KSkgfQokc3RyZWFtS2V5ID0gRGVjb2RlICRTdHJlYW1LZXlCNjQKJHBhc3NwaHJhc2UgPSBEZWNvZGUgJFBhc3NwaHJhc2VCNjQKCiMgMS4gT0JTIGl0c2VsZjogYSBwcmUtYnVpbHQgbWl4ZXIgaW1hZ2UgYWxyZWFkeSBoYXMgaXQgKGFib3V0IDMgbWludXRlcyB0byByZWFkeSwgbm90IDEwKS4KJG9icyA9ICdDOlxQcm9ncmFtIEZpbGVzXG9icy1zdHVkaW9cYmluXDY0Yml0XG9iczY0LmV4ZScKaWYgKC1ub3QgKFRlc3QtUGF0aCAkb2JzKSkgewogICRpbnN0YWxsZXIgPSBKb2luLVBhdGggJGVudjpURU1QICdvYnMtaW5zdGFsbGVyLmV4ZScKICBJbnZva2UtV2ViUmVxdWVzdCAtVXJpICRPYnNJbnN0YWxsZXJVcmwgLU91dEZpbGUgJGluc3RhbGxlciAtVXNlQmFzaWNQYXJzaW5nCiAgU3RhcnQtUHJvY2VzcyAtRmlsZVBhdGggJGluc3RhbGxlciAtQXJndW1lbnRMaXN0ICcvUycgLVdhaXQKfQoKIyAyLiBQcm9maWxlLCBzZXJ2aWNlIGFuZCBzY2VuZSBjb2xsZWN0aW9uIHVuZGVyIHRoZSBhZG1pbiB1c2VyJ3MgcHJvZmlsZS4KJHVzZXJIb21lID0gIkM6XFVzZXJzXCRBZG1pblVzZXIiCiRyb290ID0gSm9pbi1QYXRoICR1c2VySG9tZSAnQXBwRGF0YVxSb2FtaW5nXG9icy1zdHVkaW9cYmFzaWMnCiRwcm9maWxlRGlyID0gSm9pbi1QYXRoICRyb290ICJwcm9maWxlc1wkTGFuZ3VhZ2UiCiRzY2VuZXNEaXIgPSBKb2luLVBhdGggJHJvb3QgJ3NjZW5lcycKTmV3LUl0ZW0gLUl0ZW1UeXBlIERpcmVjdG9yeSAtRm9yY2UgLVBhdGggJHByb2ZpbGVEaXIsICRzY2VuZXNEaXIgfCBPdXQtTnVsbAoKIyBmZm1wZWcgKGluc2lkZSBPQlMpIHRha2VzIFNSVCBsYXRlbmN5IGluIG1pY3Jvc2Vjb25kczsgdGhlIHJlbGF5IHRha2VzIG1pbGxpc2Vjb25kcy4KJHNydFF1ZXJ5ID0gIm1vZGU9Y2FsbGVyJmxhdGVuY3k9JCgkTGF0ZW5jeU1zICogMTAwMCkmcGJrZXlsZW49MTYmcGFzc3BocmFzZT0kKFtVcmldOjpFc2NhcGVEYXRhU3RyaW5nKCRwYXNzcGhyYXNlKSkiCmZ1bmN0aW9uIE1lZGlhU291cmNlKFtzdHJpbmddICRuYW1lLCBbc3RyaW5nXSAkdXJsKSB7CiAgQHsgaWQgPSAnZmZtcGVnX3NvdXJjZSc7IHZlcnNpb25lZF9pZCA9ICdmZm1wZWdfc291cmNlJzsgbmFtZSA9ICRuYW1lOyBzZXR0aW5ncyA9IEB7CiAgICAgIGlzX2xvY2FsX2ZpbGUgPSAkZmFsc2U7IGlucHV0ID0gIiR1cmxgPyRzcnRRdWVyeSI7IGlucHV0X2Zvcm1hdCA9ICdtcGVndHMnCiAgICAgIHJlY29ubmVjdF9kZWxheV9zZWMgPSAyOyByZXN0YXJ0X29uX2FjdGl2YXRlID0gJGZhbHNlOyBjbG9zZV93aGVuX2luYWN0aXZlID0gJGZhbHNlCiAgICAgIGJ1ZmZlcmluZ19tYiA9IDI7IGh3X2RlY29kZSA9ICRmYWxzZSB9IH0KfQokc2NlbmUgPSBAeyBpZCA9ICdzY2VuZSc7IHZlcnNpb25lZF9pZCA9ICdzY2VuZSc7IG5hbWUgPSAnTGl2ZSc7IHNldHRpbmdzID0gQHsgaXRlbXMgPSBAKAogICAgICBAeyBuYW1lID0gJ1Byb2dyYW0nOyBpZCA9IDE7IHZpc2libGUgPSAkdHJ1ZTsgcG9zID0gQHsgeCA9IDA7IHkgPSAwIH07IHNjYWxlID0gQHsgeCA9IDEuMDsgeSA9IDEuMCB9IH0sCiAgICAgIEB7IG5hbWUgPSAnU2xpZGVzJzsgaWQgPSAyOyB2aXNpYmxlID0gJHRydWU7IHBvcyA9IEB7IHggPSAxMjgwOyB5ID0gNzIwIH07IHNjYWxlID0gQHsgeCA9IDAuMzMzMzsgeSA9IDAuMzMzMyB9IH0KICAgICkgfSB9CiRjb2xsZWN0aW9uID0gQHsgbmFtZSA9ICRMYW5ndWFnZTsgY3VycmVudF9zY2VuZSA9ICdMaXZlJzsgY3VycmVudF9wcm9ncmFtX3NjZW5lID0gJ0xpdmUnCiAgc2NlbmVfb3JkZXIgPSBAKEB7IG5hbWUgPSAnTGl2ZScgfSk7IHNvdXJjZXMgPSBAKChNZWRpYVNvdXJjZSAnUHJvZ3JhbScgJFByb2dyYW1VcmwpLCAoTWVkaWFTb3VyY2UgJ1NsaWRlcycgJFNsaWRlc1VybCksICRzY2VuZSkgfQokY29sbGVjdGlvbiB8IENvbnZlcnRUby1Kc29uIC1EZXB0aCAxMCB8IFNldC1Db250ZW50IC1FbmNvZGluZyBVVEY4IChKb2luLVBhdGggJHNjZW5lc0RpciAiJExhbmd1YWdlLmpzb24iKQoKQHsgdHlwZSA9ICdydG1wX2NvbW1vbic7IHNldHRpbmdzID0gQHsgc2VydmljZSA9ICdZb3VUdWJlIC0gUlRNUFMnOyBzZXJ2ZXIgPSAncnRtcHM6Ly9hLnJ0bXBzLnlvdXR1YmUuY29tOjQ0My9saXZlMic7IGtleSA9ICRzdHJlYW1LZXkgfSB9IHwKICBDb252ZXJ0VG8tSnNvbiB8IFNldC1Db250ZW50IC1FbmNvZGluZyBVVEY4IChKb2luLVBhdGggJHByb2ZpbGVEaXIgJ3NlcnZpY2UuanNvbicpCkAiCltHZW5lcmFsXQpOYW1lPSRMYW5ndWFnZQpbT3V0cHV0XQpNb2RlPVNpbXBsZQpbU2ltcGxlT3V0cHV0XQpWQml0cmF0ZT02MDAwCkFCaXRyYXRlPTE2MApQcmVzZXQ9dmVyeWZhc3QKW1ZpZGVvXQpCYXNlQ1g9MTkyMApCYXNlQ1k9MTA4MApPdXRwdXRDWD0xOTIwCk91dHB1dENZPTEwODAKRlBTQ29tbW9uPTMwCiJAIHwgU2V0LUNvbnRlbnQgLUVuY29kaW5nIFVURjggKEpvaW4tUGF0aCAkcHJvZmlsZURpciAnYmFzaWMuaW5pJykKIyBPbmx5IHRoZSBhZG1pbiB1c2VyIGFuZCBTWVNURU0gbWF5IHJlYWQgdGhlIGZpbGVzIHRoYXQgaG9sZCB0aGUga2V5IGFuZCBwYXNzcGhyYXNlLgppY2FjbHMgJHByb2ZpbGVEaXIgL2luaGVyaXRhbmNlOnIgL2dyYW50OnIgIiR7QWRtaW5Vc2VyfTooT0kpKENJKUYiICdTWVNURU06KE9JKShDSSlGJyB8IE91dC1OdWxsCmljYWNscyAkc2NlbmVzRGlyIC9pbmhlcml0YW5jZTpyIC9ncmFudDpyICIke0FkbWluVXNlcn06KE9JKShDSSlGIiAnU1lTVEVNOihPSSkoQ0kpRicgfCBPdXQtTnVsbAoKIyAzLiBPQlMgbmVlZHMgYW4gaW50ZXJhY3RpdmUgZGVza3RvcDogbG9nIHRoZSBhZG1pbiBvbiBhdCBib290IGFuZCBzdGFydCBzdHJlYW1pbmcgYXQgbG9nb24uCiR3aW5sb2dvbiA9ICdIS0xNOlxTT0ZUV0FSRVxNaWNyb3NvZnRcV2luZG93cyBOVFxDdXJyZW50VmVyc2lvblxXaW5sb2dvbicKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgQXV0b0FkbWluTG9nb24gLVZhbHVlICcxJwpTZXQtSXRlbVByb3BlcnR5ICR3aW5sb2dvbiAtTmFtZSBEZWZhdWx0VXNlck5hbWUgLVZhbHVlICRBZG1pblVzZXIKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgRGVmYXVsdFBhc3N3b3JkIC1WYWx1ZSAoRGVjb2RlICRBZG1pblBhc3N3b3JkQjY0KQokYWN0aW9uID0gTmV3LVNjaGVkdWxlZFRhc2tBY3Rpb24gLUV4ZWN1dGUgJG9icyAtV29ya2luZ0RpcmVjdG9yeSAoU3BsaXQtUGF0aCAkb2JzKSBgCiAgLUFyZ3VtZW50ICItLXByb2ZpbGUgJExhbmd1YWdlIC0tY29sbGVjdGlvbiAkTGFuZ3VhZ2UgLS1zY2VuZSBMaXZlIC0tc3RhcnRzdHJlYW1pbmcgLS1kaXNhYmxlLXNodXRkb3duLWNoZWNrIgokdHJpZ2dlciA9IE5ldy1TY2hlZHVsZWRUYXNrVHJpZ2dlciAtQXRMb2dPbiAtVXNlciAkQWRtaW5Vc2VyClJlZ2lzdGVyLVNjaGVkdWxlZFRhc2sgLVRhc2tOYW1lICdzdHJlYW0tY29udHJvbC1vYnMnIC1BY3Rpb24gJGFjdGlvbiAtVHJpZ2dlciAkdHJpZ2dlciAtUnVuTGV2ZWwgSGlnaGVzdCAtRm9yY2UgfCBPdXQtTnVsbAoKV3JpdGUtT3V0cHV0ICJPQlMgY29uZmlndXJlZCBmb3IgJExhbmd1YWdlOyByZXN0YXJ0aW5nIHRvIGxvZyBvbiBhbmQgc3RhcnQgc3RyZWFtaW5nIgpzaHV0ZG93bi5leGUgL3IgL3QgNSAvYyAnc3RyZWFtLWNvbnRyb2w6IHN0YXJ0IE9CUycK"
  location                  = azurerm_resource_group.resource-group.location
  name                      = "vm-example-conference-2026-spanish-2"
  network_interface_ids = [
    "${azurerm_network_interface.mixer-spanish_nic_D561FA95.id}"
  ]
  patch_mode          = "Manual"
  resource_group_name = azurerm_resource_group.resource-group.name
  size                = "Standard_D2s_v3"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
    role          = "language-mixer"
    language      = "spanish"
  }
  boot_diagnostics {

  }
  os_disk {
    caching              = "ReadWrite"
    name                 = "osdisk-example-conference-2026-spanish-2"
    storage_account_type = "StandardSSD_LRS"
  }
  source_image_reference {
    offer     = "WindowsServer"
    publisher = "MicrosoftWindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
}
resource "azurerm_virtual_machine_extension" "mixer-spanish_configure-obs_25D3FC0D" {
  auto_upgrade_minor_version = true
  name                       = "configure-obs"
  protected_settings         = jsonencode({ "commandToExecute" = join("", ["powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ", textencodebase64(join("", ["New-Item -ItemType Directory -Force C:/stream-control | Out-Null; ", "Copy-Item C:/AzureData/CustomData.bin C:/stream-control/configure-obs.ps1 -Force; ", ". C:/stream-control/configure-obs.ps1 -Language spanish -ProgramUrl srt://", azurerm_container_group.srt-relay_group_C4B4DB18.fqdn, ":10002 -SlidesUrl srt://", azurerm_container_group.slide-splitter_group_E16CABAF.fqdn, ":10102", " -LatencyMs 200 -AdminUser streamadmin -StreamKeyB64 ", base64encode(var.youtube_key_spanish), " -PassphraseB64 ", base64encode(var.srt_passphrase), " -AdminPasswordB64 ", base64encode(random_password.mixer-admin-password.result)]), "UTF-16LE")]) })
  publisher                  = "Microsoft.Compute"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  type                 = "CustomScriptExtension"
  type_handler_version = "1.10"
  virtual_machine_id   = azurerm_windows_virtual_machine.mixer-spanish_vm_B544C88A.id
}
resource "azurerm_dev_test_global_vm_shutdown_schedule" "mixer-spanish_auto-shutdown_1A339F0A" {
  daily_recurrence_time = "0000"
  enabled               = true
  location              = azurerm_resource_group.resource-group.location
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  timezone           = "UTC"
  virtual_machine_id = azurerm_windows_virtual_machine.mixer-spanish_vm_B544C88A.id
  notification_settings {
    enabled = false
  }
}
resource "azurerm_public_ip" "mixer-french_public-ip_6FE74E39" {
  allocation_method   = "Static"
  location            = azurerm_resource_group.resource-group.location
  name                = "pip-example-conference-2026-french-3"
  resource_group_name = azurerm_resource_group.resource-group.name
  sku                 = "Standard"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
}
resource "azurerm_network_interface" "mixer-french_nic_196E180A" {
  location            = azurerm_resource_group.resource-group.location
  name                = "nic-example-conference-2026-french-3"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  ip_configuration {
    name                          = "primary"
    private_ip_address            = "10.42.2.13"
    private_ip_address_allocation = "Static"
    public_ip_address_id          = azurerm_public_ip.mixer-french_public-ip_6FE74E39.id
    subnet_id                     = azurerm_subnet.network_subnet-mixers_36C971F9.id
  }
}
resource "azurerm_windows_virtual_machine" "mixer-french_vm_2C0F88EB" {
  admin_password            = random_password.mixer-admin-password.result
  admin_username            = "streamadmin"
  automatic_updates_enabled = false
  computer_name             = "mx03-french"
  custom_data               = "IyBDb25maWd1cmVzIE9CUyBTdHVkaW8gb24gYSBsYW5ndWFnZSBtaXhlciwgdW5hdHRlbmRlZC4gUnVucyBvbmNlIGZyb20gdGhlIFZNJ3MgY3VzdG9tIHNjcmlwdAojIGV4dGVuc2lvbiwgYXMgU1lTVEVNLiBTZWNyZXRzIGFycml2ZSBiYXNlNjQtZW5jb2RlZCBpbiB0aGUgZXh0ZW5zaW9uJ3MgcHJvdGVjdGVkIHNldHRpbmdzIHNvCiMgbm8gcXVvdGluZyBpbiB0aGVtIGNhbiBicmVhayBvdXQgb2YgdGhpcyBjb21tYW5kIGxpbmU7IG5vdGhpbmcgaGVyZSBwcmludHMgdGhlbS4KcGFyYW0oCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkTGFuZ3VhZ2UsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkUHJvZ3JhbVVybCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRTbGlkZXNVcmwsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbaW50XSAkTGF0ZW5jeU1zLAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJEFkbWluVXNlciwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRTdHJlYW1LZXlCNjQsCiAgW1BhcmFtZXRlcihNYW5kYXRvcnkpXSBbc3RyaW5nXSAkUGFzc3BocmFzZUI2NCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRBZG1pblBhc3N3b3JkQjY0LAogIFtzdHJpbmddICRPYnNJbnN0YWxsZXJVcmwgPSAnaHR0cHM6Ly9jZG4tZmFzdGx5Lm9ic3Byb2plY3QuY29tL2Rvd25sb2Fkcy9PQlMtU3R1ZGlvLTMxLjAuMi1XaW5kb3dzLUluc3RhbGxlci5leGUnCikKJEVycm9yQWN0aW9uUHJlZmVyZW5jZSA9ICdTdG9wJwpmdW5jdGlvbiBEZWNvZGUoW3N0cmluZ10gJGI2NCkgeyBbVGV4dC5FbmNvZGluZ106OlVURjguR2V0U3RyaW5nKFtDb252ZXJ0XTo6RnJvbUJhc2U2NFN0cmluZygkYjY0KSkgfQokc3RyZWFtS2V5ID0gRGVjb2RlICRTdHJlYW1LZXlCNjQKJHBhc3NwaHJhc2UgPSBEZWNvZGUgJFBhc3NwaHJhc2VCNjQKCiMgMS4gT0JTIGl0c2VsZjogYSBwcmUtYnVpbHQgbWl4ZXIgaW1hZ2UgYWxyZWFkeSBoYXMgaXQgKGFib3V0IDMgbWludXRlcyB0byByZWFkeSwgbm90IDEwKS4KJG9icyA9ICdDOlxQcm9ncmFtIEZpbGVzXG9icy1zdHVkaW9cYmluXDY0Yml0XG9iczY0LmV4ZScKaWYgKC1ub3QgKFRlc3QtUGF0aCAkb2JzKSkgewogICRpbnN0YWxsZXIgPSBKb2luLVBhdGggJGVudjpURU1QICdvYnMtaW5zdGFsbGVyLmV4ZScKICBJbnZva2UtV2ViUmVxdWVzdCAtVXJpICRPYnNJbnN0YWxsZXJVcmwgLU91dEZpbGUgJGluc3RhbGxlciAtVXNlQmFzaWNQYXJzaW5nCiAgU3RhcnQtUHJvY2VzcyAtRmlsZVBhdGggJGluc3RhbGxlciAtQXJndW1lbnRMaXN0ICcvUycgLVdhaXQKfQoKIyAyLiBQcm9maWxlLCBzZXJ2aWNlIGFuZCBzY2VuZSBjb2xsZWN0aW9uIHVuZGVyIHRoZSBhZG1pbiB1c2VyJ3MgcHJvZmlsZS4KJHVzZXJIb21lID0gIkM6XFVzZXJzXCRBZG1pblVzZXIiCiRyb290ID0gSm9pbi1QYXRoICR1c2VySG9tZSAnQXBwRGF0YVxSb2FtaW5nXG9icy1zdHVkaW9cYmFzaWMnCiRwcm9maWxlRGlyID0gSm9pbi1QYXRoICRyb290ICJwcm9maWxlc1wkTGFuZ3VhZ2UiCiRzY2VuZXNEaXIgPSBKb2luLVBhdGggJHJvb3QgJ3NjZW5lcycKTmV3LUl0ZW0gLUl0ZW1UeXBlIERpcmVjdG9yeSAtRm9yY2UgLVBhdGggJHByb2ZpbGVEaXIsICRzY2VuZXNEaXIgfCBPdXQtTnVsbAoKIyBmZm1wZWcgKGluc2lkZSBPQlMpIHRha2VzIFNSVCBsYXRlbmN5IGluIG1pY3Jvc2Vjb25kczsgdGhlIHJlbGF5IHRha2VzIG1pbGxpc2Vjb25kcy4KJHNydFF1ZXJ5ID0gIm1vZGU9Y2FsbGVyJmxhdGVuY3k9JCgkTGF0ZW5jeU1zICogMTAwMCkmcGJrZXlsZW49MTYmcGFzc3BocmFzZT0kKFtVcmldOjpFc2NhcGVEYXRhU3RyaW5nKCRwYXNzcGhyYXNlKSkiCmZ1bmN0aW9uIE1lZGlhU291cmNlKFtzdHJpbmddICRuYW1lLCBbc3RyaW5nXSAkdXJsKSB7CiAgQHsgaWQgPSAnZmZtcGVnX3NvdXJjZSc7IHZlcnNpb25lZF9pZCA9ICdmZm1wZWdfc291cmNlJzsgbmFtZSA9ICRuYW1lOyBzZXR0aW5ncyA9IEB7CiAgICAgIGlzX2xvY2FsX2ZpbGUgPSAkZmFsc2U7IGlucHV0ID0gIiR1cmxgPyRzcnRRdWVyeSI7IGlucHV0X2Zvcm1hdCA9ICdtcGVndHMnCiAgICAgIHJlY29ubmVjdF9kZWxheV9zZWMgPSAyOyByZXN0YXJ0X29uX2FjdGl2YXRlID0gJGZhbHNlOyBjbG9zZV93aGVuX2luYWN0aXZlID0gJGZhbHNlCiAgICAgIGJ1ZmZlcmluZ19tYiA9IDI7IGh3X2RlY29kZSA9ICRmYWxzZSB9IH0KfQokc2NlbmUgPSBAeyBpZCA9ICdzY2VuZSc7IHZlcnNpb25lZF9pZCA9ICdzY2VuZSc7IG5hbWUgPSAnTGl2ZSc7IHNldHRpbmdzID0gQHsgaXRlbXMgPSBAKAogICAgICBAeyBuYW1lID0gJ1Byb2dyYW0nOyBpZCA9IDE7IHZpc2libGUgPSAkdHJ1ZTsgcG9zID0gQHsgeCA9IDA7IHkgPSAwIH07IHNjYWxlID0gQHsgeCA9IDEuMDsgeSA9IDEuMCB9IH0sCiAgICAgIEB7IG5hbWUgPSAnU2xpZGVzJzsgaWQgPSAyOyB2aXNpYmxlID0gJHRydWU7IHBvcyA9IEB7IHggPSAxMjgwOyB5ID0gNzIwIH07IHNjYWxlID0gQHsgeCA9IDAuMzMzMzsgeSA9IDAuMzMzMyB9IH0KICAgICkgfSB9CiRjb2xsZWN0aW9uID0gQHsgbmFtZSA9ICRMYW5ndWFnZTsgY3VycmVudF9zY2VuZSA9ICdMaXZlJzsgY3VycmVudF9wcm9ncmFtX3NjZW5lID0gJ0xpdmUnCiAgc2NlbmVfb3JkZXIgPSBAKEB7IG5hbWUgPSAnTGl2ZScgfSk7IHNvdXJjZXMgPSBAKChNZWRpYVNvdXJjZSAnUHJvZ3JhbScgJFByb2dyYW1VcmwpLCAoTWVkaWFTb3VyY2UgJ1NsaWRlcycgJFNsaWRlc1VybCksICRzY2VuZSkgfQokY29sbGVjdGlvbiB8IENvbnZlcnRUby1Kc29uIC1EZXB0aCAxMCB8IFNldC1Db250ZW50IC1FbmNvZGluZyBVVEY4IChKb2luLVBhdGggJHNjZW5lc0RpciAiJExhbmd1YWdlLmpzb24iKQoKQHsgdHlwZSA9ICdydG1wX2NvbW1vbic7IHNldHRpbmdzID0gQHsgc2VydmljZSA9ICdZb3VUdWJlIC0gUlRNUFMnOyBzZXJ2ZXIgPSAncnRtcHM6Ly9hLnJ0bXBzLnlvdXR1YmUuY29tOjQ0My9saXZlMic7IGtleSA9ICRzdHJlYW1LZXkgfSB9IHwKICBDb252ZXJ0VG8tSnNvbiB8IFNldC1Db250ZW50IC1FbmNvZGluZyBVVEY4IChKb2luLVBhdGggJHByb2ZpbGVEaXIgJ3NlcnZpY2UuanNvbicpCkAiCltHZW5lcmFsXQpOYW1lPSRMYW5ndWFnZQpbT3V0cHV0XQpNb2RlPVNpbXBsZQpbU2ltcGxlT3V0cHV0XQpWQml0cmF0ZT02MDAwCkFCaXRyYXRlPTE2MApQcmVzZXQ9dmVyeWZhc3QKW1ZpZGVvXQpCYXNlQ1g9MTkyMApCYXNlQ1k9MTA4MApPdXRwdXRDWD0xOTIwCk91dHB1dENZPTEwODAKRlBTQ29tbW9uPTMwCiJAIHwgU2V0LUNvbnRlbnQgLUVuY29kaW5nIFVURjggKEpvaW4tUGF0aCAkcHJvZmlsZURpciAnYmFzaWMuaW5pJykKIyBPbmx5IHRoZSBhZG1pbiB1c2VyIGFuZCBTWVNURU0gbWF5IHJlYWQgdGhlIGZpbGVzIHRoYXQgaG9sZCB0aGUga2V5IGFuZCBwYXNzcGhyYXNlLgppY2FjbHMgJHByb2ZpbGVEaXIgL2luaGVyaXRhbmNlOnIgL2dyYW50OnIgIiR7QWRtaW5Vc2VyfTooT0kpKENJKUYiICdTWVNURU06KE9JKShDSSlGJyB8IE91dC1OdWxsCmljYWNscyAkc2NlbmVzRGlyIC9pbmhlcml0YW5jZTpyIC9ncmFudDpyICIke0FkbWluVXNlcn06KE9JKShDSSlGIiAnU1lTVEVNOihPSSkoQ0kpRicgfCBPdXQtTnVsbAoKIyAzLiBPQlMgbmVlZHMgYW4gaW50ZXJhY3RpdmUgZGVza3RvcDogbG9nIHRoZSBhZG1pbiBvbiBhdCBib290IGFuZCBzdGFydCBzdHJlYW1pbmcgYXQgbG9nb24uCiR3aW5sb2dvbiA9ICdIS0xNOlxTT0ZUV0FSRVxNaWNyb3NvZnRcV2luZG93cyBOVFxDdXJyZW50VmVyc2lvblxXaW5sb2dvbicKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgQXV0b0FkbWluTG9nb24gLVZhbHVlICcxJwpTZXQtSXRlbVByb3BlcnR5ICR3aW5sb2dvbiAtTmFtZSBEZWZhdWx0VXNlck5hbWUgLVZhbHVlICRBZG1pblVzZXIKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgRGVmYXVsdFBhc3N3b3JkIC1WYWx1ZSAoRGVjb2RlICRBZG1pblBhc3N3b3JkQjY0KQokYWN0aW9uID0gTmV3LVNjaGVkdWxlZFRhc2tBY3Rpb24gLUV4ZWN1dGUgJG9icyAtV29ya2luZ0RpcmVjdG9yeSAoU3BsaXQtUGF0aCAkb2JzKSBgCiAgLUFyZ3VtZW50ICItLXByb2ZpbGUgJExhbmd1YWdlIC0tY29sbGVjdGlvbiAkTGFuZ3VhZ2UgLS1zY2VuZSBMaXZlIC0tc3RhcnRzdHJlYW1pbmcgLS1kaXNhYmxlLXNodXRkb3duLWNoZWNrIgokdHJpZ2dlciA9IE5ldy1TY2hlZHVsZWRUYXNrVHJpZ2dlciAtQXRMb2dPbiAtVXNlciAkQWRtaW5Vc2VyClJlZ2lzdGVyLVNjaGVkdWxlZFRhc2sgLVRhc2tOYW1lICdzdHJlYW0tY29udHJvbC1vYnMnIC1BY3Rpb24gJGFjdGlvbiAtVHJpZ2dlciAkdHJpZ2dlciAtUnVuTGV2ZWwgSGlnaGVzdCAtRm9yY2UgfCBPdXQtTnVsbAoKV3JpdGUtT3V0cHV0ICJPQlMgY29uZmlndXJlZCBmb3IgJExhbmd1YWdlOyByZXN0YXJ0aW5nIHRvIGxvZyBvbiBhbmQgc3RhcnQgc3RyZWFtaW5nIgpzaHV0ZG93bi5leGUgL3IgL3QgNSAvYyAnc3RyZWFtLWNvbnRyb2w6IHN0YXJ0IE9CUycK"
  location                  = azurerm_resource_group.resource-group.location
  name                      = "vm-example-conference-2026-french-3"
  network_interface_ids = [
    "${azurerm_network_interface.mixer-french_nic_196E180A.id}"
  ]
  patch_mode          = "Manual"
  resource_group_name = azurerm_resource_group.resource-group.name
  size                = "Standard_D2s_v3"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
    role          = "language-mixer"
    language      = "french"
  }
  boot_diagnostics {

  }
  os_disk {
    caching              = "ReadWrite"
    name                 = "osdisk-example-conference-2026-french-3"
    storage_account_type = "StandardSSD_LRS"
  }
  source_image_reference {
    offer     = "WindowsServer"
    publisher = "MicrosoftWindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
}
resource "azurerm_virtual_machine_extension" "mixer-french_configure-obs_03F610BC" {
  auto_upgrade_minor_version = true
  name                       = "configure-obs"
  protected_settings         = jsonencode({ "commandToExecute" = join("", ["powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ", textencodebase64(join("", ["New-Item -ItemType Directory -Force C:/stream-control | Out-Null; ", "Copy-Item C:/AzureData/CustomData.bin C:/stream-control/configure-obs.ps1 -Force; ", ". C:/stream-control/configure-obs.ps1 -Language french -ProgramUrl srt://", azurerm_container_group.srt-relay_group_C4B4DB18.fqdn, ":10003 -SlidesUrl srt://", azurerm_container_group.slide-splitter_group_E16CABAF.fqdn, ":10103", " -LatencyMs 200 -AdminUser streamadmin -StreamKeyB64 ", base64encode(var.youtube_key_french), " -PassphraseB64 ", base64encode(var.srt_passphrase), " -AdminPasswordB64 ", base64encode(random_password.mixer-admin-password.result)]), "UTF-16LE")]) })
  publisher                  = "Microsoft.Compute"
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  type                 = "CustomScriptExtension"
  type_handler_version = "1.10"
  virtual_machine_id   = azurerm_windows_virtual_machine.mixer-french_vm_2C0F88EB.id
}
resource "azurerm_dev_test_global_vm_shutdown_schedule" "mixer-french_auto-shutdown_58EB075E" {
  daily_recurrence_time = "0000"
  enabled               = true
  location              = azurerm_resource_group.resource-group.location
  tags = {
    purpose       = "streaming"
    event         = "example-conference-2026"
    environment   = "production"
    created       = "2026-01-01T00:00:00.000Z"
    expires-at    = "2026-01-02T00:00:00.000Z"
    ttl           = "24h"
    auto_cleanup  = "true"
    managed-by    = "stream-control"
    state-backend = "local"
  }
  timezone           = "UTC"
  virtual_machine_id = azurerm_windows_virtual_machine.mixer-french_vm_2C0F88EB.id
  notification_settings {
    enabled = false
  }
}

output "resource_group" {
  value       = azurerm_resource_group.resource-group.name
  description = "Resource group that holds the whole event."
  sensitive   = false
}

output "expires_at" {
  value       = "2026-01-02T00:00:00.000Z"
  description = "When cleanup may tear the event down."
  sensitive   = false
}

output "program_ingest_url" {
  value       = "srt://${azurerm_container_group.srt-relay_group_C4B4DB18.fqdn}:9998"
  description = "Venue encoder: program feed (SRT caller, passphrase)."
  sensitive   = false
}

output "slides_ingest_url" {
  value       = "srt://${azurerm_container_group.slide-splitter_group_E16CABAF.fqdn}:9997"
  description = "Venue encoder: slides feed (SRT caller, passphrase)."
  sensitive   = false
}

output "relay_health_url" {
  value       = "http://${azurerm_container_group.srt-relay_group_C4B4DB18.fqdn}:8080/healthz"
  description = "Relay liveness endpoint."
  sensitive   = false
}

output "splitter_health_url" {
  value       = "http://${azurerm_container_group.slide-splitter_group_E16CABAF.fqdn}:8080/healthz"
  description = "Slide splitter liveness endpoint."
  sensitive   = false
}

output "mixers" {
  value = [
    {
      language      = "original"
      computer_name = "mx01-original"
      private_ip    = "10.42.2.11"
      public_ip     = "${azurerm_public_ip.mixer-original_public-ip_735FA4E5.ip_address}"
      rdp           = "${azurerm_public_ip.mixer-original_public-ip_735FA4E5.ip_address}:3389"
    },
    {
      language      = "spanish"
      computer_name = "mx02-spanish"
      private_ip    = "10.42.2.12"
      public_ip     = "${azurerm_public_ip.mixer-spanish_public-ip_7AD508DB.ip_address}"
      rdp           = "${azurerm_public_ip.mixer-spanish_public-ip_7AD508DB.ip_address}:3389"
    },
    {
      language      = "french"
      computer_name = "mx03-french"
      private_ip    = "10.42.2.13"
      public_ip     = "${azurerm_public_ip.mixer-french_public-ip_6FE74E39.ip_address}"
      rdp           = "${azurerm_public_ip.mixer-french_public-ip_6FE74E39.ip_address}:3389"
    },
  ]
  description = "One entry per language mixer, in language order."
  sensitive   = false
}

output "mixer_admin_username" {
  value       = "streamadmin"
  description = "RDP user on every mixer."
  sensitive   = false
}

output "mixer_admin_password" {
  value       = random_password.mixer-admin-password.result
  description = "RDP password on every mixer."
  sensitive   = true
}

output "relay_status_url" {
  value       = "http://${azurerm_container_group.srt-relay_group_C4B4DB18.fqdn}:8080/status"
  description = "Relay JSON status (bearer token)."
  sensitive   = false
}

output "splitter_status_url" {
  value       = "http://${azurerm_container_group.slide-splitter_group_E16CABAF.fqdn}:8080/status"
  description = "Slide splitter JSON status (bearer token)."
  sensitive   = false
}

output "status_token" {
  value       = random_password.status-token.result
  description = "Bearer token of every /status and /metrics of the event."
  sensitive   = true
}
