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
    key_vault {
      purge_soft_delete_on_destroy    = true
      recover_soft_deleted_key_vaults = true
    }
  }
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
  ephemeral = true
}

variable "youtube_key_original" {
  description = "YouTube stream key of the original channel."
  type        = string
  sensitive   = true
  validation {
    error_message = "youtube_key_original is empty: give the original channel's stream key."
    condition     = length(trimspace(var.youtube_key_original)) > 0
  }
  ephemeral = true
}

variable "youtube_key_spanish" {
  description = "YouTube stream key of the spanish channel."
  type        = string
  sensitive   = true
  validation {
    error_message = "youtube_key_spanish is empty: give the spanish channel's stream key."
    condition     = length(trimspace(var.youtube_key_spanish)) > 0
  }
  ephemeral = true
}

variable "youtube_key_french" {
  description = "YouTube stream key of the french channel."
  type        = string
  sensitive   = true
  validation {
    error_message = "youtube_key_french is empty: give the french channel's stream key."
    condition     = length(trimspace(var.youtube_key_french)) > 0
  }
  ephemeral = true
}

variable "status_token" {
  description = "Bearer token of every /status and /metrics of the event (16-128 of A-Z, a-z, 0-9)."
  type        = string
  sensitive   = true
  validation {
    error_message = "status_token must be 16 to 128 of A-Z, a-z, 0-9."
    condition     = can(regex("^[A-Za-z0-9]{16,128}$", var.status_token))
  }
  ephemeral = true
}

variable "mixer_admin_password" {
  description = "The OBS mixers' Windows admin password (12-123 of A-Z, a-z, 0-9 and !#%*-_=+?, each class present)."
  type        = string
  sensitive   = true
  validation {
    error_message = "mixer_admin_password must be 12 to 123 of A-Z, a-z, 0-9 and !#%*-_=+?."
    condition     = can(regex("^[A-Za-z0-9!#%*_=+?-]{12,123}$", var.mixer_admin_password))
  }
  validation {
    error_message = "mixer_admin_password needs a lowercase letter, an uppercase letter, a digit and one of !#%*-_=+?."
    condition     = can(regex("[a-z]", var.mixer_admin_password)) && can(regex("[A-Z]", var.mixer_admin_password)) && can(regex("[0-9]", var.mixer_admin_password)) && can(regex("[!#%*_=+?-]", var.mixer_admin_password))
  }
  ephemeral = true
}

variable "secrets_version" {
  default     = 1
  description = "Version of the write-only Key Vault values; a new number writes them again."
  type        = number
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
data "azurerm_client_config" "secrets_deployer_2F397ABA" {
}
resource "azurerm_key_vault" "secrets_vault_97F902B8" {
  location                   = azurerm_resource_group.resource-group.location
  name                       = "kv-example-con-fdf88d30"
  purge_protection_enabled   = false
  rbac_authorization_enabled = false
  resource_group_name        = azurerm_resource_group.resource-group.name
  sku_name                   = "standard"
  soft_delete_retention_days = 7
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
  tenant_id = data.azurerm_client_config.secrets_deployer_2F397ABA.tenant_id
}
resource "azurerm_key_vault_access_policy" "secrets_deployer-policy_37CCDD53" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  object_id    = data.azurerm_client_config.secrets_deployer_2F397ABA.object_id
  secret_permissions = [
    "Get",
    "List",
    "Set",
    "Delete",
    "Purge",
    "Recover"
  ]
  tenant_id = data.azurerm_client_config.secrets_deployer_2F397ABA.tenant_id
}
resource "azurerm_user_assigned_identity" "secrets_reader_EC3A405D" {
  location            = azurerm_resource_group.resource-group.location
  name                = "id-secrets-example-conference-2026-production"
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
resource "azurerm_key_vault_access_policy" "secrets_reader-policy_DC08FC70" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  object_id    = azurerm_user_assigned_identity.secrets_reader_EC3A405D.principal_id
  secret_permissions = [
    "Get"
  ]
  tenant_id = data.azurerm_client_config.secrets_deployer_2F397ABA.tenant_id
}
resource "azurerm_key_vault_secret" "secrets_passphrase_7DF849CD" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  name         = "srt-passphrase"
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
  value_wo         = var.srt_passphrase
  value_wo_version = var.secrets_version
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_deployer-policy_37CCDD53",
  ]
}
resource "azurerm_key_vault_secret" "secrets_stream-key-original_FD24FF13" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  name         = "youtube-key-original"
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
  value_wo         = var.youtube_key_original
  value_wo_version = var.secrets_version
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_deployer-policy_37CCDD53",
  ]
}
resource "azurerm_key_vault_secret" "secrets_stream-key-spanish_9AD22FC1" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  name         = "youtube-key-spanish"
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
  value_wo         = var.youtube_key_spanish
  value_wo_version = var.secrets_version
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_deployer-policy_37CCDD53",
  ]
}
resource "azurerm_key_vault_secret" "secrets_stream-key-french_6D6C7411" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  name         = "youtube-key-french"
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
  value_wo         = var.youtube_key_french
  value_wo_version = var.secrets_version
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_deployer-policy_37CCDD53",
  ]
}
resource "azurerm_key_vault_secret" "secrets_status-token_B5E4C444" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  name         = "status-token"
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
  value_wo         = var.status_token
  value_wo_version = var.secrets_version
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_deployer-policy_37CCDD53",
  ]
}
resource "azurerm_key_vault_secret" "secrets_mixer-admin-password_7B0F3573" {
  key_vault_id = azurerm_key_vault.secrets_vault_97F902B8.id
  name         = "mixer-admin-password"
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
  value_wo         = var.mixer_admin_password
  value_wo_version = var.secrets_version
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_deployer-policy_37CCDD53",
  ]
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
resource "azurerm_container_group" "srt-relay_group_C4B4DB18" {
  dns_name_label = "srt-relay-example-conference-2026-5ac3be"
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
      KEY_VAULT_URL            = "${azurerm_key_vault.secrets_vault_97F902B8.vault_uri}"
      AZURE_CLIENT_ID          = "${azurerm_user_assigned_identity.secrets_reader_EC3A405D.client_id}"
      SRT_PASSPHRASE_SECRET    = "srt-passphrase"
      STATUS_TOKEN_SECRET      = "status-token"
      OUTPUT_AUDIO             = "[{\"source\":{\"track\":1}},{\"source\":{\"track\":2}},{\"source\":{\"track\":3}}]"
    }
    image  = "crstreamprod8cff1f.azurecr.io/srt-relay:0.1.0"
    memory = 4
    name   = "srt-relay"
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
  identity {
    identity_ids = [
      "${azurerm_user_assigned_identity.secrets_reader_EC3A405D.id}"
    ]
    type = "UserAssigned"
  }
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_reader-policy_DC08FC70",
    "azurerm_key_vault_secret.secrets_passphrase_7DF849CD",
    "azurerm_key_vault_secret.secrets_stream-key-original_FD24FF13",
    "azurerm_key_vault_secret.secrets_stream-key-spanish_9AD22FC1",
    "azurerm_key_vault_secret.secrets_stream-key-french_6D6C7411",
    "azurerm_key_vault_secret.secrets_status-token_B5E4C444",
    "azurerm_key_vault_secret.secrets_mixer-admin-password_7B0F3573",
  ]
}
resource "azurerm_container_group" "slide-splitter_group_E16CABAF" {
  dns_name_label = "srt-splitter-example-conference-2026-b70847"
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
      KEY_VAULT_URL            = "${azurerm_key_vault.secrets_vault_97F902B8.vault_uri}"
      AZURE_CLIENT_ID          = "${azurerm_user_assigned_identity.secrets_reader_EC3A405D.client_id}"
      SRT_PASSPHRASE_SECRET    = "srt-passphrase"
      STATUS_TOKEN_SECRET      = "status-token"
      SLIDE_FIT                = "crop"
      OUTPUT_SIZE              = "1920x1080"
    }
    image  = "crstreamprod8cff1f.azurecr.io/slide-splitter:0.1.0"
    memory = 2
    name   = "slide-splitter"
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
  identity {
    identity_ids = [
      "${azurerm_user_assigned_identity.secrets_reader_EC3A405D.id}"
    ]
    type = "UserAssigned"
  }
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_reader-policy_DC08FC70",
    "azurerm_key_vault_secret.secrets_passphrase_7DF849CD",
    "azurerm_key_vault_secret.secrets_stream-key-original_FD24FF13",
    "azurerm_key_vault_secret.secrets_stream-key-spanish_9AD22FC1",
    "azurerm_key_vault_secret.secrets_stream-key-french_6D6C7411",
    "azurerm_key_vault_secret.secrets_status-token_B5E4C444",
    "azurerm_key_vault_secret.secrets_mixer-admin-password_7B0F3573",
  ]
}

provider "random" {
}
resource "random_password" "mixer-bootstrap-password" {
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
  admin_password            = random_password.mixer-bootstrap-password.result
  admin_username            = "streamadmin"
  automatic_updates_enabled = false
  computer_name             = "mx01-original"
  custom_data               = "IyBTZXRzIHVwIE9CUyBTdHVkaW8gb24gYSBsYW5ndWFnZSBtaXhlciwgdW5hdHRlbmRlZC4gUnVucyBvbmNlIGZyb20gdGhlIFZNJ3MgQ3VzdG9tIFNjcmlwdAojIEV4dGVuc2lvbiwgYXMgTG9jYWxTeXN0ZW0uIEl0IGRlY2lkZXMgbm90aGluZyBhYm91dCB0aGUgc3RyZWFtOiB0aGUgZmlsZXMgaXQgd3JpdGVzIGFyZQojIHJlbmRlcmVkIGluIFR5cGVTY3JpcHQgKGxpYi9taXhlci1vYnMudHMpIGFuZCBhcnJpdmUgaW4gdGhlIGdlbmVyYXRlZCBibG9jayBiZWxvdzsgdGhpcyBzY3JpcHQKIyBvbmx5IGZpbGxzIHRoZWlyIHNlY3JldCBzbG90cywgd3JpdGVzIHRoZW0sIGFuZCBhcnJhbmdlcyBPQlMncyBzdGFydC11cC4KIyBUaGUgYWRtaW4gcGFzc3dvcmQsIHRoZSBzdHJlYW0ga2V5IGFuZCB0aGUgU1JUIHBhc3NwaHJhc2UgYXJlIHJlYWQgaGVyZSBmcm9tIHRoZSBldmVudCdzIEtleQojIFZhdWx0IHdpdGggdGhlIFZNJ3MgInNlY3JldHMgcmVhZGVyIiBpZGVudGl0eSwgc28gdGhleSBhcmUgaW4gbm8gZXh0ZW5zaW9uIHNldHRpbmcgYW5kIG5vCiMgVGVycmFmb3JtIHN0YXRlOyBvbmx5IHRoZSB2YXVsdCwgdGhlIGlkZW50aXR5IGFuZCB0aGUgc2VjcmV0IG5hbWVzIGFycml2ZSBhcyBwYXJhbWV0ZXJzLgojIFRoZSBwYXNzd29yZCB0aGUgVk0gd2FzIGNyZWF0ZWQgd2l0aCBpcyBhIGJvb3RzdHJhcCBvbmUgaW4gc3RhdGU6IHN0ZXAgMCByZXBsYWNlcyBpdCB3aXRoIHRoZQojIHZhdWx0J3MgYmVmb3JlIGFueXRoaW5nIGVsc2UuIE5vdGhpbmcgaGVyZSBwcmludHMgYSBzZWNyZXQuCnBhcmFtKAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJEFkbWluVXNlciwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRWYXVsdFVybCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRDbGllbnRJZCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRQYXNzcGhyYXNlU2VjcmV0LAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJFN0cmVhbUtleVNlY3JldCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRBZG1pblBhc3N3b3JkU2VjcmV0LAogICMgSU1EUywgd2hlcmUgYSBWTSdzIG1hbmFnZWQgaWRlbnRpdHkgZ2V0cyBpdHMgdG9rZW5zLgogIFtzdHJpbmddICRJbWRzRW5kcG9pbnQgPSAnaHR0cDovLzE2OS4yNTQuMTY5LjI1NCcsCiAgIyBUaGUgaWRlbnRpdHkgYW5kIGl0cyBhY2Nlc3MgcG9saWN5IGFyZSBuZXcgYXQgZmlyc3QgYm9vdDogS2V5IFZhdWx0IG1heSBhbnN3ZXIgNDAzIChvciBJTURTCiAgIyA0MDAsIGlkZW50aXR5IG5vdCBmb3VuZCB5ZXQpIGZvciBhIGZldyBtaW51dGVzLiBSZXRyeSB3aXRoIGJhY2tvZmYgdGhpcyBsb25nLCB0aGVuIGZhaWwuCiAgW2ludF0gJFNlY3JldFdhaXRTZWNvbmRzID0gOTAwLAogIFtzdHJpbmddICRPYnNJbnN0YWxsZXJVcmwgPSAnaHR0cHM6Ly9jZG4tZmFzdGx5Lm9ic3Byb2plY3QuY29tL2Rvd25sb2Fkcy9PQlMtU3R1ZGlvLTMxLjAuMi1XaW5kb3dzLUluc3RhbGxlci5leGUnCikKJEVycm9yQWN0aW9uUHJlZmVyZW5jZSA9ICdTdG9wJwojIFdpbmRvd3MgUG93ZXJTaGVsbCA1LjEgZG93bmxvYWRzIG1hbnkgdGltZXMgc2xvd2VyIHdoaWxlIGl0IGRyYXdzIGEgcHJvZ3Jlc3MgYmFyLgokUHJvZ3Jlc3NQcmVmZXJlbmNlID0gJ1NpbGVudGx5Q29udGludWUnCmZ1bmN0aW9uIERlY29kZShbc3RyaW5nXSAkYjY0KSB7IFtUZXh0LkVuY29kaW5nXTo6VVRGOC5HZXRTdHJpbmcoW0NvbnZlcnRdOjpGcm9tQmFzZTY0U3RyaW5nKCRiNjQpKSB9CgokRmlsZXMgPSBbb3JkZXJlZF1AewogICdnbG9iYWwuaW5pJyA9ICdXMGRsYm1WeVlXeGRDa1pwY25OMFVuVnVQWFJ5ZFdVS1JXNWhZbXhsUVhWMGIxVndaR0YwWlhNOVptRnNjMlVLJwogICdiYXNpYy9wcm9maWxlcy9vcmlnaW5hbC9iYXNpYy5pbmknID0gJ1cwZGxibVZ5WVd4ZENrNWhiV1U5YjNKcFoybHVZV3dLQ2x0UGRYUndkWFJkQ2sxdlpHVTlRV1IyWVc1alpXUUtDbHRCWkhaUGRYUmRDa1Z1WTI5a1pYSTliMkp6WDNneU5qUUtRWEJ3YkhsVFpYSjJhV05sVTJWMGRHbHVaM005Wm1Gc2MyVUtWSEpoWTJ0SmJtUmxlRDB4Q2xSeVlXTnJNVUpwZEhKaGRHVTlNVEk0Q2dwYlZtbGtaVzlkQ2tKaGMyVkRXRDB4T1RJd0NrSmhjMlZEV1QweE1EZ3dDazkxZEhCMWRFTllQVEU1TWpBS1QzVjBjSFYwUTFrOU1UQTRNQXBHVUZOVWVYQmxQVEFLUmxCVFEyOXRiVzl1UFRNd0NrTnZiRzl5Um05eWJXRjBQVTVXTVRJS0NsdEJkV1JwYjEwS1UyRnRjR3hsVW1GMFpUMDBPREF3TUFwRGFHRnVibVZzVTJWMGRYQTlVM1JsY21WdkNnPT0nCiAgJ2Jhc2ljL3Byb2ZpbGVzL29yaWdpbmFsL3N0cmVhbUVuY29kZXIuanNvbicgPSAnZXlKeVlYUmxYMk52Ym5SeWIyd2lPaUpEUWxJaUxDSmlhWFJ5WVhSbElqbzJNREF3TENKclpYbHBiblJmYzJWaklqb3lMQ0p3Y21WelpYUWlPaUoyWlhKNVptRnpkQ0lzSW5CeWIyWnBiR1VpT2lKb2FXZG9JaXdpZEhWdVpTSTZJaUo5Q2c9PScKICAnYmFzaWMvcHJvZmlsZXMvb3JpZ2luYWwvc2VydmljZS5qc29uJyA9ICdleUowZVhCbElqb2ljblJ0Y0Y5amRYTjBiMjBpTENKelpYUjBhVzVuY3lJNmV5SnpaWEoyWlhJaU9pSnlkRzF3Y3pvdkwyRXVjblJ0Y0hNdWVXOTFkSFZpWlM1amIyMDZORFF6TDJ4cGRtVXlJaXdpYTJWNUlqb2lRRUJUVkZKRlFVMWZTMFZaUUVBaUxDSjFjMlZmWVhWMGFDSTZabUZzYzJVc0ltSjNkR1Z6ZENJNlptRnNjMlY5ZlFvPScKICAnYmFzaWMvc2NlbmVzL29yaWdpbmFsLmpzb24nID0gJ2V3b2dJbTVoYldVaU9pQWliM0pwWjJsdVlXd2lMQW9nSW1OMWNuSmxiblJmYzJObGJtVWlPaUFpVEdsMlpTSXNDaUFpWTNWeWNtVnVkRjl3Y205bmNtRnRYM05qWlc1bElqb2dJa3hwZG1VaUxBb2dJbk5qWlc1bFgyOXlaR1Z5SWpvZ1d3b2dJSHNLSUNBZ0ltNWhiV1VpT2lBaVRHbDJaU0lLSUNCOUNpQmRMQW9nSW5OdmRYSmpaWE1pT2lCYkNpQWdld29nSUNBaWFXUWlPaUFpWm1adGNHVm5YM052ZFhKalpTSXNDaUFnSUNKMlpYSnphVzl1WldSZmFXUWlPaUFpWm1adGNHVm5YM052ZFhKalpTSXNDaUFnSUNKdVlXMWxJam9nSWxCeWIyZHlZVzBpTEFvZ0lDQWljMlYwZEdsdVozTWlPaUI3Q2lBZ0lDQWlhWE5mYkc5allXeGZabWxzWlNJNklHWmhiSE5sTEFvZ0lDQWdJbWx1Y0hWMElqb2dJbk55ZERvdkx6QXVNQzR3TGpBNk1UQXdNREUvYlc5a1pUMXNhWE4wWlc1bGNpWnNZWFJsYm1ONVBUSXdNREF3TUNad1lYTnpjR2h5WVhObFBVQkFVMUpVWDFCQlUxTlFTRkpCVTBWQVFDSXNDaUFnSUNBaWFXNXdkWFJmWm05eWJXRjBJam9nSW0xd1pXZDBjeUlzQ2lBZ0lDQWljbVZqYjI1dVpXTjBYMlJsYkdGNVgzTmxZeUk2SURFc0NpQWdJQ0FpY21WemRHRnlkRjl2Ymw5aFkzUnBkbUYwWlNJNklHWmhiSE5sTEFvZ0lDQWdJbU5zYjNObFgzZG9aVzVmYVc1aFkzUnBkbVVpT2lCbVlXeHpaU3dLSUNBZ0lDSmpiR1ZoY2w5dmJsOXRaV1JwWVY5bGJtUWlPaUJtWVd4elpTd0tJQ0FnSUNKaWRXWm1aWEpwYm1kZmJXSWlPaUF4TEFvZ0lDQWdJbWgzWDJSbFkyOWtaU0k2SUdaaGJITmxMQW9nSUNBZ0lteHZaMTlqYUdGdVoyVnpJam9nWm1Gc2MyVUtJQ0FnZlFvZ0lIMHNDaUFnZXdvZ0lDQWlhV1FpT2lBaVptWnRjR1ZuWDNOdmRYSmpaU0lzQ2lBZ0lDSjJaWEp6YVc5dVpXUmZhV1FpT2lBaVptWnRjR1ZuWDNOdmRYSmpaU0lzQ2lBZ0lDSnVZVzFsSWpvZ0lsTnNhV1JsY3lJc0NpQWdJQ0p6WlhSMGFXNW5jeUk2SUhzS0lDQWdJQ0pwYzE5c2IyTmhiRjltYVd4bElqb2dabUZzYzJVc0NpQWdJQ0FpYVc1d2RYUWlPaUFpYzNKME9pOHZNQzR3TGpBdU1Eb3hNREF3TWo5dGIyUmxQV3hwYzNSbGJtVnlKbXhoZEdWdVkzazlNakF3TURBd0puQmhjM053YUhKaGMyVTlRRUJUVWxSZlVFRlRVMUJJVWtGVFJVQkFJaXdLSUNBZ0lDSnBibkIxZEY5bWIzSnRZWFFpT2lBaWJYQmxaM1J6SWl3S0lDQWdJQ0p5WldOdmJtNWxZM1JmWkdWc1lYbGZjMlZqSWpvZ01Td0tJQ0FnSUNKeVpYTjBZWEowWDI5dVgyRmpkR2wyWVhSbElqb2dabUZzYzJVc0NpQWdJQ0FpWTJ4dmMyVmZkMmhsYmw5cGJtRmpkR2wyWlNJNklHWmhiSE5sTEFvZ0lDQWdJbU5zWldGeVgyOXVYMjFsWkdsaFgyVnVaQ0k2SUdaaGJITmxMQW9nSUNBZ0ltSjFabVpsY21sdVoxOXRZaUk2SURFc0NpQWdJQ0FpYUhkZlpHVmpiMlJsSWpvZ1ptRnNjMlVzQ2lBZ0lDQWliRzluWDJOb1lXNW5aWE1pT2lCbVlXeHpaUW9nSUNCOUNpQWdmU3dLSUNCN0NpQWdJQ0pwWkNJNklDSnpZMlZ1WlNJc0NpQWdJQ0oyWlhKemFXOXVaV1JmYVdRaU9pQWljMk5sYm1VaUxBb2dJQ0FpYm1GdFpTSTZJQ0pNYVhabElpd0tJQ0FnSW5ObGRIUnBibWR6SWpvZ2V3b2dJQ0FnSW1sa1gyTnZkVzUwWlhJaU9pQXlMQW9nSUNBZ0ltbDBaVzF6SWpvZ1d3b2dJQ0FnSUhzS0lDQWdJQ0FnSW1sa0lqb2dNU3dLSUNBZ0lDQWdJbTVoYldVaU9pQWlVSEp2WjNKaGJTSXNDaUFnSUNBZ0lDSjJhWE5wWW14bElqb2dkSEoxWlN3S0lDQWdJQ0FnSW14dlkydGxaQ0k2SUhSeWRXVXNDaUFnSUNBZ0lDSnliM1FpT2lBd0xBb2dJQ0FnSUNBaWNHOXpJam9nZXdvZ0lDQWdJQ0FnSW5naU9pQXdMQW9nSUNBZ0lDQWdJbmtpT2lBd0NpQWdJQ0FnSUgwc0NpQWdJQ0FnSUNKelkyRnNaU0k2SUhzS0lDQWdJQ0FnSUNKNElqb2dNU3dLSUNBZ0lDQWdJQ0o1SWpvZ01Rb2dJQ0FnSUNCOUxBb2dJQ0FnSUNBaVlXeHBaMjRpT2lBMUxBb2dJQ0FnSUNBaVltOTFibVJ6WDNSNWNHVWlPaUF5TEFvZ0lDQWdJQ0FpWW05MWJtUnpYMkZzYVdkdUlqb2dNQ3dLSUNBZ0lDQWdJbUp2ZFc1a2N5STZJSHNLSUNBZ0lDQWdJQ0o0SWpvZ01Ua3lNQ3dLSUNBZ0lDQWdJQ0o1SWpvZ01UQTRNQW9nSUNBZ0lDQjlDaUFnSUNBZ2ZTd0tJQ0FnSUNCN0NpQWdJQ0FnSUNKcFpDSTZJRElzQ2lBZ0lDQWdJQ0p1WVcxbElqb2dJbE5zYVdSbGN5SXNDaUFnSUNBZ0lDSjJhWE5wWW14bElqb2dkSEoxWlN3S0lDQWdJQ0FnSW14dlkydGxaQ0k2SUhSeWRXVXNDaUFnSUNBZ0lDSnliM1FpT2lBd0xBb2dJQ0FnSUNBaWNHOXpJam9nZXdvZ0lDQWdJQ0FnSW5naU9pQXhNamd3TEFvZ0lDQWdJQ0FnSW5raU9pQTNNakFLSUNBZ0lDQWdmU3dLSUNBZ0lDQWdJbk5qWVd4bElqb2dld29nSUNBZ0lDQWdJbmdpT2lBeExBb2dJQ0FnSUNBZ0lua2lPaUF4Q2lBZ0lDQWdJSDBzQ2lBZ0lDQWdJQ0poYkdsbmJpSTZJRFVzQ2lBZ0lDQWdJQ0ppYjNWdVpITmZkSGx3WlNJNklESXNDaUFnSUNBZ0lDSmliM1Z1WkhOZllXeHBaMjRpT2lBd0xBb2dJQ0FnSUNBaVltOTFibVJ6SWpvZ2V3b2dJQ0FnSUNBZ0luZ2lPaUEyTkRBc0NpQWdJQ0FnSUNBaWVTSTZJRE0yTUFvZ0lDQWdJQ0I5Q2lBZ0lDQWdmUW9nSUNBZ1hRb2dJQ0I5Q2lBZ2ZRb2dYUXA5Q2c9PScKfQokU2xvdFBhc3NwaHJhc2UgPSAnQEBTUlRfUEFTU1BIUkFTRUBAJwokU2xvdFN0cmVhbUtleSA9ICdAQFNUUkVBTV9LRVlAQCcKJE9ic0FyZ3VtZW50cyA9ICctLXBvcnRhYmxlIC0tZGlzYWJsZS11cGRhdGVyIC0tcHJvZmlsZSBvcmlnaW5hbCAtLWNvbGxlY3Rpb24gb3JpZ2luYWwgLS1zY2VuZSBMaXZlIC0tc3RhcnRzdHJlYW1pbmcgLS1kaXNhYmxlLXNodXRkb3duLWNoZWNrJwokU3J0UG9ydHMgPSBAKDEwMDAxLCAxMDAwMikKJEtleVZhdWx0UmVzb3VyY2UgPSAnaHR0cHM6Ly92YXVsdC5henVyZS5uZXQnCiRLZXlWYXVsdEFwaVZlcnNpb24gPSAnNy40JwoKIyBPbmUgc2VjcmV0J3MgdmFsdWU6IGEgdG9rZW4gZm9yIHRoZSByZWFkZXIgaWRlbnRpdHkgZnJvbSBJTURTLCB0aGVuIHRoZSB2YXVsdCdzIHNlY3JldC4gRWFjaAojIGZhaWx1cmUgaXMgbG9nZ2VkIHdpdGggdGhlIHNlY3JldCdzIG5hbWUgYW5kIHRoZSBIVFRQIHN0YXR1cywgbmV2ZXIgYSB2YWx1ZSBvciBhIHRva2VuLgpmdW5jdGlvbiBSZWFkLVZhdWx0U2VjcmV0KFtzdHJpbmddICROYW1lKSB7CiAgJHRva2VuVXJpID0gIiRJbWRzRW5kcG9pbnQvbWV0YWRhdGEvaWRlbnRpdHkvb2F1dGgyL3Rva2VuP2FwaS12ZXJzaW9uPTIwMTgtMDItMDEiICsKICAgICImcmVzb3VyY2U9JChbdXJpXTo6RXNjYXBlRGF0YVN0cmluZygkS2V5VmF1bHRSZXNvdXJjZSkpJmNsaWVudF9pZD0kQ2xpZW50SWQiCiAgJHNlY3JldFVyaSA9ICIkKCRWYXVsdFVybC5UcmltRW5kKCcvJykpL3NlY3JldHMvJHtOYW1lfT9hcGktdmVyc2lvbj0kS2V5VmF1bHRBcGlWZXJzaW9uIgogICRkZWFkbGluZSA9IChHZXQtRGF0ZSkuQWRkU2Vjb25kcygkU2VjcmV0V2FpdFNlY29uZHMpCiAgJGRlbGF5ID0gMgogIHdoaWxlICgkdHJ1ZSkgewogICAgdHJ5IHsKICAgICAgJHRva2VuID0gKEludm9rZS1SZXN0TWV0aG9kIC1VcmkgJHRva2VuVXJpIC1IZWFkZXJzIEB7IE1ldGFkYXRhID0gJ3RydWUnIH0gLVVzZUJhc2ljUGFyc2luZyAtVGltZW91dFNlYyAyMCkuYWNjZXNzX3Rva2VuCiAgICAgICRzZWNyZXQgPSBJbnZva2UtUmVzdE1ldGhvZCAtVXJpICRzZWNyZXRVcmkgLUhlYWRlcnMgQHsgQXV0aG9yaXphdGlvbiA9ICJCZWFyZXIgJHRva2VuIiB9IC1Vc2VCYXNpY1BhcnNpbmcgLVRpbWVvdXRTZWMgMjAKICAgICAgcmV0dXJuIFtzdHJpbmddICRzZWNyZXQudmFsdWUKICAgIH0gY2F0Y2ggewogICAgICAkc3RhdHVzID0gJ25vIGFuc3dlcicKICAgICAgaWYgKCRfLkV4Y2VwdGlvbi5SZXNwb25zZSkgeyAkc3RhdHVzID0gW2ludF0gJF8uRXhjZXB0aW9uLlJlc3BvbnNlLlN0YXR1c0NvZGUgfQogICAgICBpZiAoKEdldC1EYXRlKSAtZ2UgJGRlYWRsaW5lKSB7CiAgICAgICAgdGhyb3cgIktleSBWYXVsdCBzZWNyZXQgJE5hbWUgc3RpbGwgdW5yZWFkYWJsZSBhZnRlciAkU2VjcmV0V2FpdFNlY29uZHMgcyAobGFzdDogJHN0YXR1cykiCiAgICAgIH0KICAgICAgV3JpdGUtT3V0cHV0ICJLZXkgVmF1bHQgc2VjcmV0ICROYW1lIG5vdCByZWFkYWJsZSB5ZXQgKCRzdGF0dXMpOyByZXRyeWluZyBpbiAkZGVsYXkgcyIKICAgICAgU3RhcnQtU2xlZXAgLVNlY29uZHMgJGRlbGF5CiAgICAgICRkZWxheSA9IFtNYXRoXTo6TWluKCRkZWxheSAqIDIsIDYwKQogICAgfQogIH0KfQoKIyAwLiBUaGUgYWRtaW4gcGFzc3dvcmQgZnJvbSB0aGUgdmF1bHQgcmVwbGFjZXMgdGhlIGJvb3RzdHJhcCBvbmUgdGhlIFZNIHdhcyBjcmVhdGVkIHdpdGggKGluCiMgVGVycmFmb3JtIHN0YXRlLCBzaW5jZSBBenVyZSB0YWtlcyBubyB3cml0ZS1vbmx5IFZNIHBhc3N3b3JkKTogZnJvbSBoZXJlIG9uIHRoZSB2YWx1ZSBpbiBzdGF0ZQojIG9wZW5zIG5vdGhpbmcuIFJEUCBhbmQgdGhlIGF1dG9sb2dvbiBiZWxvdyB1c2UgdGhlIHZhdWx0J3MuCiRhZG1pblBhc3N3b3JkID0gUmVhZC1WYXVsdFNlY3JldCAkQWRtaW5QYXNzd29yZFNlY3JldApTZXQtTG9jYWxVc2VyIC1OYW1lICRBZG1pblVzZXIgLVBhc3N3b3JkIChDb252ZXJ0VG8tU2VjdXJlU3RyaW5nICRhZG1pblBhc3N3b3JkIC1Bc1BsYWluVGV4dCAtRm9yY2UpCgojIDEuIE9CUyBpdHNlbGY6IGEgcHJlLWJ1aWx0IG1peGVyIGltYWdlIGFscmVhZHkgaGFzIGl0IChhYm91dCAzIG1pbnV0ZXMgdG8gcmVhZHksIG5vdCAxMCkuCiRvYnNSb290ID0gJ0M6XFByb2dyYW0gRmlsZXNcb2JzLXN0dWRpbycKJG9icyA9IEpvaW4tUGF0aCAkb2JzUm9vdCAnYmluXDY0Yml0XG9iczY0LmV4ZScKaWYgKC1ub3QgKFRlc3QtUGF0aCAkb2JzKSkgewogICRpbnN0YWxsZXIgPSBKb2luLVBhdGggJGVudjpURU1QICdvYnMtaW5zdGFsbGVyLmV4ZScKICBJbnZva2UtV2ViUmVxdWVzdCAtVXJpICRPYnNJbnN0YWxsZXJVcmwgLU91dEZpbGUgJGluc3RhbGxlciAtVXNlQmFzaWNQYXJzaW5nCiAgJHAgPSBTdGFydC1Qcm9jZXNzIC1GaWxlUGF0aCAkaW5zdGFsbGVyIC1Bcmd1bWVudExpc3QgJy9TJyAtV2FpdCAtUGFzc1RocnUKICBpZiAoJHAuRXhpdENvZGUgLW5lIDApIHsgdGhyb3cgIk9CUyBpbnN0YWxsZXIgZXhpdGVkIHdpdGggJCgkcC5FeGl0Q29kZSkiIH0KfQoKIyAyLiBQb3J0YWJsZSBtb2RlOiBPQlMgcmVhZHMgPGluc3RhbGw+XGNvbmZpZ1xvYnMtc3R1ZGlvIHdob2V2ZXIgcnVucyBpdCwgc28gdGhlIGZpbGVzIGV4aXN0CiMgYmVmb3JlIHRoZSBhZG1pbiB1c2VyJ3MgcHJvZmlsZSBmb2xkZXIgZG9lcyAoaXQgaXMgY3JlYXRlZCBhdCBmaXJzdCBsb2dvbiwgbWF5YmUgcmVuYW1lZCkuCiRjb25maWcgPSBKb2luLVBhdGggJG9ic1Jvb3QgJ2NvbmZpZ1xvYnMtc3R1ZGlvJwpOZXctSXRlbSAtSXRlbVR5cGUgRGlyZWN0b3J5IC1Gb3JjZSAtUGF0aCAkY29uZmlnIHwgT3V0LU51bGwKU2V0LUNvbnRlbnQgLVBhdGggKEpvaW4tUGF0aCAkb2JzUm9vdCAncG9ydGFibGVfbW9kZS50eHQnKSAtVmFsdWUgJycgLUVuY29kaW5nIEFTQ0lJCiRzdHJlYW1LZXkgPSBSZWFkLVZhdWx0U2VjcmV0ICRTdHJlYW1LZXlTZWNyZXQKJHBhc3NwaHJhc2UgPSBSZWFkLVZhdWx0U2VjcmV0ICRQYXNzcGhyYXNlU2VjcmV0CiR1dGY4ID0gTmV3LU9iamVjdCBUZXh0LlVURjhFbmNvZGluZyAkZmFsc2UKZm9yZWFjaCAoJGVudHJ5IGluICRGaWxlcy5HZXRFbnVtZXJhdG9yKCkpIHsKICAkcGF0aCA9IEpvaW4tUGF0aCAkY29uZmlnICgkZW50cnkuS2V5IC1yZXBsYWNlICcvJywgJ1wnKQogIE5ldy1JdGVtIC1JdGVtVHlwZSBEaXJlY3RvcnkgLUZvcmNlIC1QYXRoIChTcGxpdC1QYXRoICRwYXRoKSB8IE91dC1OdWxsCiAgJHRleHQgPSAoRGVjb2RlICRlbnRyeS5WYWx1ZSkuUmVwbGFjZSgkU2xvdFBhc3NwaHJhc2UsICRwYXNzcGhyYXNlKS5SZXBsYWNlKCRTbG90U3RyZWFtS2V5LCAkc3RyZWFtS2V5KQogIFtJTy5GaWxlXTo6V3JpdGVBbGxUZXh0KCRwYXRoLCAkdGV4dCwgJHV0ZjgpCn0KIyBPbmx5IHRoZSB1c2VyIHRoYXQgcnVucyBPQlMgYW5kIFNZU1RFTSBtYXkgcmVhZCB0aGUgY29uZmlnIChzdHJlYW0ga2V5LCBwYXNzcGhyYXNlLCBsb2dzKS4KaWNhY2xzICRjb25maWcgL2luaGVyaXRhbmNlOnIgL2dyYW50OnIgIiR7QWRtaW5Vc2VyfTooT0kpKENJKU0iICdTWVNURU06KE9JKShDSSlGJyB8IE91dC1OdWxsCgojIDMuIFRoZSByZWxheSBhbmQgdGhlIHNwbGl0dGVyIHB1c2ggdG8gT0JTJ3MgU1JUIGxpc3RlbmVycy4KTmV3LU5ldEZpcmV3YWxsUnVsZSAtRGlzcGxheU5hbWUgJ3N0cmVhbS1jb250cm9sIFNSVCBpbnB1dHMnIC1EaXJlY3Rpb24gSW5ib3VuZCAtUHJvdG9jb2wgVURQIGAKICAtTG9jYWxQb3J0ICRTcnRQb3J0cyAtUHJvZ3JhbSAkb2JzIC1BY3Rpb24gQWxsb3cgLUVycm9yQWN0aW9uIFNpbGVudGx5Q29udGludWUgfCBPdXQtTnVsbAoKIyA0LiBPQlMgbmVlZHMgYW4gaW50ZXJhY3RpdmUgZGVza3RvcDogbG9nIHRoZSBhZG1pbiBvbiBhdCBib290LiBUaGUgcGFzc3dvcmQgZ29lcyBpbnRvIHRoZSBMU0EKIyBzZWNyZXQgIkRlZmF1bHRQYXNzd29yZCIgKHdoYXQgU3lzaW50ZXJuYWxzIEF1dG9sb2dvbiBkb2VzKSwgbmV2ZXIgaW50byB0aGUgV2lubG9nb24ga2V5LgpBZGQtVHlwZSAtVHlwZURlZmluaXRpb24gQCcKdXNpbmcgU3lzdGVtOwp1c2luZyBTeXN0ZW0uUnVudGltZS5JbnRlcm9wU2VydmljZXM7CnB1YmxpYyBzdGF0aWMgY2xhc3MgU3RyZWFtQ29udHJvbExzYSB7CiAgW1N0cnVjdExheW91dChMYXlvdXRLaW5kLlNlcXVlbnRpYWwpXSBzdHJ1Y3QgVVN0ciB7IHB1YmxpYyB1c2hvcnQgTGVuZ3RoOyBwdWJsaWMgdXNob3J0IE1heGltdW1MZW5ndGg7IHB1YmxpYyBJbnRQdHIgQnVmZmVyOyB9CiAgW1N0cnVjdExheW91dChMYXlvdXRLaW5kLlNlcXVlbnRpYWwpXSBzdHJ1Y3QgQXR0cnMgeyBwdWJsaWMgaW50IExlbmd0aDsgcHVibGljIEludFB0ciBSb290OyBwdWJsaWMgSW50UHRyIE5hbWU7IHB1YmxpYyB1aW50IEF0dHJpYnV0ZXM7IHB1YmxpYyBJbnRQdHIgU2Q7IHB1YmxpYyBJbnRQdHIgUW9zOyB9CiAgW0RsbEltcG9ydCgiYWR2YXBpMzIuZGxsIildIHN0YXRpYyBleHRlcm4gdWludCBMc2FPcGVuUG9saWN5KEludFB0ciBzeXN0ZW0sIHJlZiBBdHRycyBhdHRycywgdWludCBhY2Nlc3MsIG91dCBJbnRQdHIgaGFuZGxlKTsKICBbRGxsSW1wb3J0KCJhZHZhcGkzMi5kbGwiKV0gc3RhdGljIGV4dGVybiB1aW50IExzYVN0b3JlUHJpdmF0ZURhdGEoSW50UHRyIGhhbmRsZSwgcmVmIFVTdHIga2V5LCByZWYgVVN0ciBkYXRhKTsKICBbRGxsSW1wb3J0KCJhZHZhcGkzMi5kbGwiKV0gc3RhdGljIGV4dGVybiB1aW50IExzYUNsb3NlKEludFB0ciBoYW5kbGUpOwogIFtEbGxJbXBvcnQoImFkdmFwaTMyLmRsbCIpXSBzdGF0aWMgZXh0ZXJuIGludCBMc2FOdFN0YXR1c1RvV2luRXJyb3IodWludCBzdGF0dXMpOwogIHN0YXRpYyBVU3RyIFN0cihzdHJpbmcgcykgewogICAgVVN0ciB1ID0gbmV3IFVTdHIoKTsgdS5CdWZmZXIgPSBNYXJzaGFsLlN0cmluZ1RvSEdsb2JhbFVuaShzKTsKICAgIHUuTGVuZ3RoID0gKHVzaG9ydCkocy5MZW5ndGggKiAyKTsgdS5NYXhpbXVtTGVuZ3RoID0gKHVzaG9ydCkocy5MZW5ndGggKiAyICsgMik7IHJldHVybiB1OwogIH0KICBwdWJsaWMgc3RhdGljIHZvaWQgU3RvcmUoc3RyaW5nIGtleSwgc3RyaW5nIHZhbHVlKSB7CiAgICBBdHRycyBhID0gbmV3IEF0dHJzKCk7IGEuTGVuZ3RoID0gTWFyc2hhbC5TaXplT2YodHlwZW9mKEF0dHJzKSk7CiAgICBJbnRQdHIgcG9saWN5OwogICAgdWludCBzdCA9IExzYU9wZW5Qb2xpY3koSW50UHRyLlplcm8sIHJlZiBhLCAweDAwMEYwRkZGLCBvdXQgcG9saWN5KTsKICAgIGlmIChzdCAhPSAwKSB0aHJvdyBuZXcgU3lzdGVtLkNvbXBvbmVudE1vZGVsLldpbjMyRXhjZXB0aW9uKExzYU50U3RhdHVzVG9XaW5FcnJvcihzdCkpOwogICAgVVN0ciBrID0gU3RyKGtleSk7IFVTdHIgZCA9IFN0cih2YWx1ZSk7CiAgICB0cnkgewogICAgICBzdCA9IExzYVN0b3JlUHJpdmF0ZURhdGEocG9saWN5LCByZWYgaywgcmVmIGQpOwogICAgICBpZiAoc3QgIT0gMCkgdGhyb3cgbmV3IFN5c3RlbS5Db21wb25lbnRNb2RlbC5XaW4zMkV4Y2VwdGlvbihMc2FOdFN0YXR1c1RvV2luRXJyb3Ioc3QpKTsKICAgIH0gZmluYWxseSB7IE1hcnNoYWwuRnJlZUhHbG9iYWwoay5CdWZmZXIpOyBNYXJzaGFsLkZyZWVIR2xvYmFsKGQuQnVmZmVyKTsgTHNhQ2xvc2UocG9saWN5KTsgfQogIH0KfQonQApbU3RyZWFtQ29udHJvbExzYV06OlN0b3JlKCdEZWZhdWx0UGFzc3dvcmQnLCAkYWRtaW5QYXNzd29yZCkKJHdpbmxvZ29uID0gJ0hLTE06XFNPRlRXQVJFXE1pY3Jvc29mdFxXaW5kb3dzIE5UXEN1cnJlbnRWZXJzaW9uXFdpbmxvZ29uJwpTZXQtSXRlbVByb3BlcnR5ICR3aW5sb2dvbiAtTmFtZSBBdXRvQWRtaW5Mb2dvbiAtVmFsdWUgJzEnClNldC1JdGVtUHJvcGVydHkgJHdpbmxvZ29uIC1OYW1lIERlZmF1bHRVc2VyTmFtZSAtVmFsdWUgJEFkbWluVXNlcgpTZXQtSXRlbVByb3BlcnR5ICR3aW5sb2dvbiAtTmFtZSBEZWZhdWx0RG9tYWluTmFtZSAtVmFsdWUgJGVudjpDT01QVVRFUk5BTUUKUmVtb3ZlLUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgRGVmYXVsdFBhc3N3b3JkIC1FcnJvckFjdGlvbiBTaWxlbnRseUNvbnRpbnVlCgojIDUuIE9CUyBzdGFydHMgaW4gdGhhdCB1c2VyJ3MgaW50ZXJhY3RpdmUgc2Vzc2lvbjogdGhlIHRhc2sncyBwcmluY2lwYWwgaXMgdGhlIHVzZXIgaXRzZWxmCiMgKGEgdGFzayByZWdpc3RlcmVkIHdpdGhvdXQgb25lIHJ1bnMgYXMgU1lTVEVNIGluIHNlc3Npb24gMCwgd2l0aCBubyBkZXNrdG9wKS4KJGFjdGlvbiA9IE5ldy1TY2hlZHVsZWRUYXNrQWN0aW9uIC1FeGVjdXRlICRvYnMgLVdvcmtpbmdEaXJlY3RvcnkgKFNwbGl0LVBhdGggJG9icykgLUFyZ3VtZW50ICRPYnNBcmd1bWVudHMKJHRyaWdnZXIgPSBOZXctU2NoZWR1bGVkVGFza1RyaWdnZXIgLUF0TG9nT24gLVVzZXIgJEFkbWluVXNlcgokcHJpbmNpcGFsID0gTmV3LVNjaGVkdWxlZFRhc2tQcmluY2lwYWwgLVVzZXJJZCAkQWRtaW5Vc2VyIC1Mb2dvblR5cGUgSW50ZXJhY3RpdmUgLVJ1bkxldmVsIEhpZ2hlc3QKJHNldHRpbmdzID0gTmV3LVNjaGVkdWxlZFRhc2tTZXR0aW5nc1NldCAtRXhlY3V0aW9uVGltZUxpbWl0IChbVGltZVNwYW5dOjpaZXJvKSAtUmVzdGFydENvdW50IDk5OSBgCiAgLVJlc3RhcnRJbnRlcnZhbCAoTmV3LVRpbWVTcGFuIC1NaW51dGVzIDEpIC1BbGxvd1N0YXJ0SWZPbkJhdHRlcmllcyAtRG9udFN0b3BJZkdvaW5nT25CYXR0ZXJpZXMKUmVnaXN0ZXItU2NoZWR1bGVkVGFzayAtVGFza05hbWUgJ3N0cmVhbS1jb250cm9sLW9icycgLUFjdGlvbiAkYWN0aW9uIC1UcmlnZ2VyICR0cmlnZ2VyIGAKICAtUHJpbmNpcGFsICRwcmluY2lwYWwgLVNldHRpbmdzICRzZXR0aW5ncyAtRm9yY2UgfCBPdXQtTnVsbAoKIyA2LiBUaGUgYXV0b2xvZ29uIG5lZWRzIGEgcmVzdGFydC4gTmV2ZXIgaW5zaWRlIHRoZSBleHRlbnNpb24gKE1pY3Jvc29mdDogdGhlIGV4dGVuc2lvbiBkb2VzIG5vdAojIGNvbnRpbnVlIGFmdGVyIGl0KTogYSBvbmUtdGltZSB0YXNrIHJlc3RhcnRzIGEgbWludXRlIGFmdGVyIHRoaXMgc2NyaXB0IGhhcyByZXBvcnRlZCBzdWNjZXNzLgokcmVib290ID0gTmV3LVNjaGVkdWxlZFRhc2tBY3Rpb24gLUV4ZWN1dGUgJ3NodXRkb3duLmV4ZScgLUFyZ3VtZW50ICcvciAvdCAwIC9jICJzdHJlYW0tY29udHJvbDogbG9nIG9uIGFuZCBzdGFydCBPQlMiJwokb25jZSA9IE5ldy1TY2hlZHVsZWRUYXNrVHJpZ2dlciAtT25jZSAtQXQgKEdldC1EYXRlKS5BZGRNaW51dGVzKDEpCiRzeXN0ZW0gPSBOZXctU2NoZWR1bGVkVGFza1ByaW5jaXBhbCAtVXNlcklkICdTWVNURU0nIC1Mb2dvblR5cGUgU2VydmljZUFjY291bnQgLVJ1bkxldmVsIEhpZ2hlc3QKUmVnaXN0ZXItU2NoZWR1bGVkVGFzayAtVGFza05hbWUgJ3N0cmVhbS1jb250cm9sLWZpcnN0LWxvZ29uJyAtQWN0aW9uICRyZWJvb3QgLVRyaWdnZXIgJG9uY2UgYAogIC1QcmluY2lwYWwgJHN5c3RlbSAtRm9yY2UgfCBPdXQtTnVsbApXcml0ZS1PdXRwdXQgJ09CUyBjb25maWd1cmVkOyByZXN0YXJ0aW5nIGluIG9uZSBtaW51dGUgdG8gbG9nIG9uIGFuZCBzdGFydCBzdHJlYW1pbmcnCg=="
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
  identity {
    identity_ids = [
      "${azurerm_user_assigned_identity.secrets_reader_EC3A405D.id}"
    ]
    type = "UserAssigned"
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
  protected_settings         = jsonencode({ "commandToExecute" = join("", ["powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ", textencodebase64(join("", ["New-Item -ItemType Directory -Force C:/stream-control | Out-Null; ", "Copy-Item C:/AzureData/CustomData.bin C:/stream-control/configure-obs.ps1 -Force; ", ". C:/stream-control/configure-obs.ps1 -AdminUser streamadmin -VaultUrl ", azurerm_key_vault.secrets_vault_97F902B8.vault_uri, " -ClientId ", azurerm_user_assigned_identity.secrets_reader_EC3A405D.client_id, " -PassphraseSecret srt-passphrase -StreamKeySecret youtube-key-original", " -AdminPasswordSecret mixer-admin-password"]), "UTF-16LE")]) })
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
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_reader-policy_DC08FC70",
    "azurerm_key_vault_secret.secrets_passphrase_7DF849CD",
    "azurerm_key_vault_secret.secrets_stream-key-original_FD24FF13",
    "azurerm_key_vault_secret.secrets_stream-key-spanish_9AD22FC1",
    "azurerm_key_vault_secret.secrets_stream-key-french_6D6C7411",
    "azurerm_key_vault_secret.secrets_status-token_B5E4C444",
    "azurerm_key_vault_secret.secrets_mixer-admin-password_7B0F3573",
  ]
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
  admin_password            = random_password.mixer-bootstrap-password.result
  admin_username            = "streamadmin"
  automatic_updates_enabled = false
  computer_name             = "mx02-spanish"
  custom_data               = "IyBTZXRzIHVwIE9CUyBTdHVkaW8gb24gYSBsYW5ndWFnZSBtaXhlciwgdW5hdHRlbmRlZC4gUnVucyBvbmNlIGZyb20gdGhlIFZNJ3MgQ3VzdG9tIFNjcmlwdAojIEV4dGVuc2lvbiwgYXMgTG9jYWxTeXN0ZW0uIEl0IGRlY2lkZXMgbm90aGluZyBhYm91dCB0aGUgc3RyZWFtOiB0aGUgZmlsZXMgaXQgd3JpdGVzIGFyZQojIHJlbmRlcmVkIGluIFR5cGVTY3JpcHQgKGxpYi9taXhlci1vYnMudHMpIGFuZCBhcnJpdmUgaW4gdGhlIGdlbmVyYXRlZCBibG9jayBiZWxvdzsgdGhpcyBzY3JpcHQKIyBvbmx5IGZpbGxzIHRoZWlyIHNlY3JldCBzbG90cywgd3JpdGVzIHRoZW0sIGFuZCBhcnJhbmdlcyBPQlMncyBzdGFydC11cC4KIyBUaGUgYWRtaW4gcGFzc3dvcmQsIHRoZSBzdHJlYW0ga2V5IGFuZCB0aGUgU1JUIHBhc3NwaHJhc2UgYXJlIHJlYWQgaGVyZSBmcm9tIHRoZSBldmVudCdzIEtleQojIFZhdWx0IHdpdGggdGhlIFZNJ3MgInNlY3JldHMgcmVhZGVyIiBpZGVudGl0eSwgc28gdGhleSBhcmUgaW4gbm8gZXh0ZW5zaW9uIHNldHRpbmcgYW5kIG5vCiMgVGVycmFmb3JtIHN0YXRlOyBvbmx5IHRoZSB2YXVsdCwgdGhlIGlkZW50aXR5IGFuZCB0aGUgc2VjcmV0IG5hbWVzIGFycml2ZSBhcyBwYXJhbWV0ZXJzLgojIFRoZSBwYXNzd29yZCB0aGUgVk0gd2FzIGNyZWF0ZWQgd2l0aCBpcyBhIGJvb3RzdHJhcCBvbmUgaW4gc3RhdGU6IHN0ZXAgMCByZXBsYWNlcyBpdCB3aXRoIHRoZQojIHZhdWx0J3MgYmVmb3JlIGFueXRoaW5nIGVsc2UuIE5vdGhpbmcgaGVyZSBwcmludHMgYSBzZWNyZXQuCnBhcmFtKAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJEFkbWluVXNlciwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRWYXVsdFVybCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRDbGllbnRJZCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRQYXNzcGhyYXNlU2VjcmV0LAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJFN0cmVhbUtleVNlY3JldCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRBZG1pblBhc3N3b3JkU2VjcmV0LAogICMgSU1EUywgd2hlcmUgYSBWTSdzIG1hbmFnZWQgaWRlbnRpdHkgZ2V0cyBpdHMgdG9rZW5zLgogIFtzdHJpbmddICRJbWRzRW5kcG9pbnQgPSAnaHR0cDovLzE2OS4yNTQuMTY5LjI1NCcsCiAgIyBUaGUgaWRlbnRpdHkgYW5kIGl0cyBhY2Nlc3MgcG9saWN5IGFyZSBuZXcgYXQgZmlyc3QgYm9vdDogS2V5IFZhdWx0IG1heSBhbnN3ZXIgNDAzIChvciBJTURTCiAgIyA0MDAsIGlkZW50aXR5IG5vdCBmb3VuZCB5ZXQpIGZvciBhIGZldyBtaW51dGVzLiBSZXRyeSB3aXRoIGJhY2tvZmYgdGhpcyBsb25nLCB0aGVuIGZhaWwuCiAgW2ludF0gJFNlY3JldFdhaXRTZWNvbmRzID0gOTAwLAogIFtzdHJpbmddICRPYnNJbnN0YWxsZXJVcmwgPSAnaHR0cHM6Ly9jZG4tZmFzdGx5Lm9ic3Byb2plY3QuY29tL2Rvd25sb2Fkcy9PQlMtU3R1ZGlvLTMxLjAuMi1XaW5kb3dzLUluc3RhbGxlci5leGUnCikKJEVycm9yQWN0aW9uUHJlZmVyZW5jZSA9ICdTdG9wJwojIFdpbmRvd3MgUG93ZXJTaGVsbCA1LjEgZG93bmxvYWRzIG1hbnkgdGltZXMgc2xvd2VyIHdoaWxlIGl0IGRyYXdzIGEgcHJvZ3Jlc3MgYmFyLgokUHJvZ3Jlc3NQcmVmZXJlbmNlID0gJ1NpbGVudGx5Q29udGludWUnCmZ1bmN0aW9uIERlY29kZShbc3RyaW5nXSAkYjY0KSB7IFtUZXh0LkVuY29kaW5nXTo6VVRGOC5HZXRTdHJpbmcoW0NvbnZlcnRdOjpGcm9tQmFzZTY0U3RyaW5nKCRiNjQpKSB9CgokRmlsZXMgPSBbb3JkZXJlZF1AewogICdnbG9iYWwuaW5pJyA9ICdXMGRsYm1WeVlXeGRDa1pwY25OMFVuVnVQWFJ5ZFdVS1JXNWhZbXhsUVhWMGIxVndaR0YwWlhNOVptRnNjMlVLJwogICdiYXNpYy9wcm9maWxlcy9zcGFuaXNoL2Jhc2ljLmluaScgPSAnVzBkbGJtVnlZV3hkQ2s1aGJXVTljM0JoYm1semFBb0tXMDkxZEhCMWRGMEtUVzlrWlQxQlpIWmhibU5sWkFvS1cwRmtkazkxZEYwS1JXNWpiMlJsY2oxdlluTmZlREkyTkFwQmNIQnNlVk5sY25acFkyVlRaWFIwYVc1bmN6MW1ZV3h6WlFwVWNtRmphMGx1WkdWNFBURUtWSEpoWTJzeFFtbDBjbUYwWlQweE1qZ0tDbHRXYVdSbGIxMEtRbUZ6WlVOWVBURTVNakFLUW1GelpVTlpQVEV3T0RBS1QzVjBjSFYwUTFnOU1Ua3lNQXBQZFhSd2RYUkRXVDB4TURnd0NrWlFVMVI1Y0dVOU1BcEdVRk5EYjIxdGIyNDlNekFLUTI5c2IzSkdiM0p0WVhROVRsWXhNZ29LVzBGMVpHbHZYUXBUWVcxd2JHVlNZWFJsUFRRNE1EQXdDa05vWVc1dVpXeFRaWFIxY0QxVGRHVnlaVzhLJwogICdiYXNpYy9wcm9maWxlcy9zcGFuaXNoL3N0cmVhbUVuY29kZXIuanNvbicgPSAnZXlKeVlYUmxYMk52Ym5SeWIyd2lPaUpEUWxJaUxDSmlhWFJ5WVhSbElqbzJNREF3TENKclpYbHBiblJmYzJWaklqb3lMQ0p3Y21WelpYUWlPaUoyWlhKNVptRnpkQ0lzSW5CeWIyWnBiR1VpT2lKb2FXZG9JaXdpZEhWdVpTSTZJaUo5Q2c9PScKICAnYmFzaWMvcHJvZmlsZXMvc3BhbmlzaC9zZXJ2aWNlLmpzb24nID0gJ2V5SjBlWEJsSWpvaWNuUnRjRjlqZFhOMGIyMGlMQ0p6WlhSMGFXNW5jeUk2ZXlKelpYSjJaWElpT2lKeWRHMXdjem92TDJFdWNuUnRjSE11ZVc5MWRIVmlaUzVqYjIwNk5EUXpMMnhwZG1VeUlpd2lhMlY1SWpvaVFFQlRWRkpGUVUxZlMwVlpRRUFpTENKMWMyVmZZWFYwYUNJNlptRnNjMlVzSW1KM2RHVnpkQ0k2Wm1Gc2MyVjlmUW89JwogICdiYXNpYy9zY2VuZXMvc3BhbmlzaC5qc29uJyA9ICdld29nSW01aGJXVWlPaUFpYzNCaGJtbHphQ0lzQ2lBaVkzVnljbVZ1ZEY5elkyVnVaU0k2SUNKTWFYWmxJaXdLSUNKamRYSnlaVzUwWDNCeWIyZHlZVzFmYzJObGJtVWlPaUFpVEdsMlpTSXNDaUFpYzJObGJtVmZiM0prWlhJaU9pQmJDaUFnZXdvZ0lDQWlibUZ0WlNJNklDSk1hWFpsSWdvZ0lIMEtJRjBzQ2lBaWMyOTFjbU5sY3lJNklGc0tJQ0I3Q2lBZ0lDSnBaQ0k2SUNKbVptMXdaV2RmYzI5MWNtTmxJaXdLSUNBZ0luWmxjbk5wYjI1bFpGOXBaQ0k2SUNKbVptMXdaV2RmYzI5MWNtTmxJaXdLSUNBZ0ltNWhiV1VpT2lBaVVISnZaM0poYlNJc0NpQWdJQ0p6WlhSMGFXNW5jeUk2SUhzS0lDQWdJQ0pwYzE5c2IyTmhiRjltYVd4bElqb2dabUZzYzJVc0NpQWdJQ0FpYVc1d2RYUWlPaUFpYzNKME9pOHZNQzR3TGpBdU1Eb3hNREF3TVQ5dGIyUmxQV3hwYzNSbGJtVnlKbXhoZEdWdVkzazlNakF3TURBd0puQmhjM053YUhKaGMyVTlRRUJUVWxSZlVFRlRVMUJJVWtGVFJVQkFJaXdLSUNBZ0lDSnBibkIxZEY5bWIzSnRZWFFpT2lBaWJYQmxaM1J6SWl3S0lDQWdJQ0p5WldOdmJtNWxZM1JmWkdWc1lYbGZjMlZqSWpvZ01Td0tJQ0FnSUNKeVpYTjBZWEowWDI5dVgyRmpkR2wyWVhSbElqb2dabUZzYzJVc0NpQWdJQ0FpWTJ4dmMyVmZkMmhsYmw5cGJtRmpkR2wyWlNJNklHWmhiSE5sTEFvZ0lDQWdJbU5zWldGeVgyOXVYMjFsWkdsaFgyVnVaQ0k2SUdaaGJITmxMQW9nSUNBZ0ltSjFabVpsY21sdVoxOXRZaUk2SURFc0NpQWdJQ0FpYUhkZlpHVmpiMlJsSWpvZ1ptRnNjMlVzQ2lBZ0lDQWliRzluWDJOb1lXNW5aWE1pT2lCbVlXeHpaUW9nSUNCOUNpQWdmU3dLSUNCN0NpQWdJQ0pwWkNJNklDSm1abTF3WldkZmMyOTFjbU5sSWl3S0lDQWdJblpsY25OcGIyNWxaRjlwWkNJNklDSm1abTF3WldkZmMyOTFjbU5sSWl3S0lDQWdJbTVoYldVaU9pQWlVMnhwWkdWeklpd0tJQ0FnSW5ObGRIUnBibWR6SWpvZ2V3b2dJQ0FnSW1selgyeHZZMkZzWDJacGJHVWlPaUJtWVd4elpTd0tJQ0FnSUNKcGJuQjFkQ0k2SUNKemNuUTZMeTh3TGpBdU1DNHdPakV3TURBeVAyMXZaR1U5YkdsemRHVnVaWEltYkdGMFpXNWplVDB5TURBd01EQW1jR0Z6YzNCb2NtRnpaVDFBUUZOU1ZGOVFRVk5UVUVoU1FWTkZRRUFpTEFvZ0lDQWdJbWx1Y0hWMFgyWnZjbTFoZENJNklDSnRjR1ZuZEhNaUxBb2dJQ0FnSW5KbFkyOXVibVZqZEY5a1pXeGhlVjl6WldNaU9pQXhMQW9nSUNBZ0luSmxjM1JoY25SZmIyNWZZV04wYVhaaGRHVWlPaUJtWVd4elpTd0tJQ0FnSUNKamJHOXpaVjkzYUdWdVgybHVZV04wYVhabElqb2dabUZzYzJVc0NpQWdJQ0FpWTJ4bFlYSmZiMjVmYldWa2FXRmZaVzVrSWpvZ1ptRnNjMlVzQ2lBZ0lDQWlZblZtWm1WeWFXNW5YMjFpSWpvZ01Td0tJQ0FnSUNKb2QxOWtaV052WkdVaU9pQm1ZV3h6WlN3S0lDQWdJQ0pzYjJkZlkyaGhibWRsY3lJNklHWmhiSE5sQ2lBZ0lIMEtJQ0I5TEFvZ0lIc0tJQ0FnSW1sa0lqb2dJbk5qWlc1bElpd0tJQ0FnSW5abGNuTnBiMjVsWkY5cFpDSTZJQ0p6WTJWdVpTSXNDaUFnSUNKdVlXMWxJam9nSWt4cGRtVWlMQW9nSUNBaWMyVjBkR2x1WjNNaU9pQjdDaUFnSUNBaWFXUmZZMjkxYm5SbGNpSTZJRElzQ2lBZ0lDQWlhWFJsYlhNaU9pQmJDaUFnSUNBZ2V3b2dJQ0FnSUNBaWFXUWlPaUF4TEFvZ0lDQWdJQ0FpYm1GdFpTSTZJQ0pRY205bmNtRnRJaXdLSUNBZ0lDQWdJblpwYzJsaWJHVWlPaUIwY25WbExBb2dJQ0FnSUNBaWJHOWphMlZrSWpvZ2RISjFaU3dLSUNBZ0lDQWdJbkp2ZENJNklEQXNDaUFnSUNBZ0lDSndiM01pT2lCN0NpQWdJQ0FnSUNBaWVDSTZJREFzQ2lBZ0lDQWdJQ0FpZVNJNklEQUtJQ0FnSUNBZ2ZTd0tJQ0FnSUNBZ0luTmpZV3hsSWpvZ2V3b2dJQ0FnSUNBZ0luZ2lPaUF4TEFvZ0lDQWdJQ0FnSW5raU9pQXhDaUFnSUNBZ0lIMHNDaUFnSUNBZ0lDSmhiR2xuYmlJNklEVXNDaUFnSUNBZ0lDSmliM1Z1WkhOZmRIbHdaU0k2SURJc0NpQWdJQ0FnSUNKaWIzVnVaSE5mWVd4cFoyNGlPaUF3TEFvZ0lDQWdJQ0FpWW05MWJtUnpJam9nZXdvZ0lDQWdJQ0FnSW5naU9pQXhPVEl3TEFvZ0lDQWdJQ0FnSW5raU9pQXhNRGd3Q2lBZ0lDQWdJSDBLSUNBZ0lDQjlMQW9nSUNBZ0lIc0tJQ0FnSUNBZ0ltbGtJam9nTWl3S0lDQWdJQ0FnSW01aGJXVWlPaUFpVTJ4cFpHVnpJaXdLSUNBZ0lDQWdJblpwYzJsaWJHVWlPaUIwY25WbExBb2dJQ0FnSUNBaWJHOWphMlZrSWpvZ2RISjFaU3dLSUNBZ0lDQWdJbkp2ZENJNklEQXNDaUFnSUNBZ0lDSndiM01pT2lCN0NpQWdJQ0FnSUNBaWVDSTZJREV5T0RBc0NpQWdJQ0FnSUNBaWVTSTZJRGN5TUFvZ0lDQWdJQ0I5TEFvZ0lDQWdJQ0FpYzJOaGJHVWlPaUI3Q2lBZ0lDQWdJQ0FpZUNJNklERXNDaUFnSUNBZ0lDQWllU0k2SURFS0lDQWdJQ0FnZlN3S0lDQWdJQ0FnSW1Gc2FXZHVJam9nTlN3S0lDQWdJQ0FnSW1KdmRXNWtjMTkwZVhCbElqb2dNaXdLSUNBZ0lDQWdJbUp2ZFc1a2MxOWhiR2xuYmlJNklEQXNDaUFnSUNBZ0lDSmliM1Z1WkhNaU9pQjdDaUFnSUNBZ0lDQWllQ0k2SURZME1Dd0tJQ0FnSUNBZ0lDSjVJam9nTXpZd0NpQWdJQ0FnSUgwS0lDQWdJQ0I5Q2lBZ0lDQmRDaUFnSUgwS0lDQjlDaUJkQ24wSycKfQokU2xvdFBhc3NwaHJhc2UgPSAnQEBTUlRfUEFTU1BIUkFTRUBAJwokU2xvdFN0cmVhbUtleSA9ICdAQFNUUkVBTV9LRVlAQCcKJE9ic0FyZ3VtZW50cyA9ICctLXBvcnRhYmxlIC0tZGlzYWJsZS11cGRhdGVyIC0tcHJvZmlsZSBzcGFuaXNoIC0tY29sbGVjdGlvbiBzcGFuaXNoIC0tc2NlbmUgTGl2ZSAtLXN0YXJ0c3RyZWFtaW5nIC0tZGlzYWJsZS1zaHV0ZG93bi1jaGVjaycKJFNydFBvcnRzID0gQCgxMDAwMSwgMTAwMDIpCiRLZXlWYXVsdFJlc291cmNlID0gJ2h0dHBzOi8vdmF1bHQuYXp1cmUubmV0JwokS2V5VmF1bHRBcGlWZXJzaW9uID0gJzcuNCcKCiMgT25lIHNlY3JldCdzIHZhbHVlOiBhIHRva2VuIGZvciB0aGUgcmVhZGVyIGlkZW50aXR5IGZyb20gSU1EUywgdGhlbiB0aGUgdmF1bHQncyBzZWNyZXQuIEVhY2gKIyBmYWlsdXJlIGlzIGxvZ2dlZCB3aXRoIHRoZSBzZWNyZXQncyBuYW1lIGFuZCB0aGUgSFRUUCBzdGF0dXMsIG5ldmVyIGEgdmFsdWUgb3IgYSB0b2tlbi4KZnVuY3Rpb24gUmVhZC1WYXVsdFNlY3JldChbc3RyaW5nXSAkTmFtZSkgewogICR0b2tlblVyaSA9ICIkSW1kc0VuZHBvaW50L21ldGFkYXRhL2lkZW50aXR5L29hdXRoMi90b2tlbj9hcGktdmVyc2lvbj0yMDE4LTAyLTAxIiArCiAgICAiJnJlc291cmNlPSQoW3VyaV06OkVzY2FwZURhdGFTdHJpbmcoJEtleVZhdWx0UmVzb3VyY2UpKSZjbGllbnRfaWQ9JENsaWVudElkIgogICRzZWNyZXRVcmkgPSAiJCgkVmF1bHRVcmwuVHJpbUVuZCgnLycpKS9zZWNyZXRzLyR7TmFtZX0/YXBpLXZlcnNpb249JEtleVZhdWx0QXBpVmVyc2lvbiIKICAkZGVhZGxpbmUgPSAoR2V0LURhdGUpLkFkZFNlY29uZHMoJFNlY3JldFdhaXRTZWNvbmRzKQogICRkZWxheSA9IDIKICB3aGlsZSAoJHRydWUpIHsKICAgIHRyeSB7CiAgICAgICR0b2tlbiA9IChJbnZva2UtUmVzdE1ldGhvZCAtVXJpICR0b2tlblVyaSAtSGVhZGVycyBAeyBNZXRhZGF0YSA9ICd0cnVlJyB9IC1Vc2VCYXNpY1BhcnNpbmcgLVRpbWVvdXRTZWMgMjApLmFjY2Vzc190b2tlbgogICAgICAkc2VjcmV0ID0gSW52b2tlLVJlc3RNZXRob2QgLVVyaSAkc2VjcmV0VXJpIC1IZWFkZXJzIEB7IEF1dGhvcml6YXRpb24gPSAiQmVhcmVyICR0b2tlbiIgfSAtVXNlQmFzaWNQYXJzaW5nIC1UaW1lb3V0U2VjIDIwCiAgICAgIHJldHVybiBbc3RyaW5nXSAkc2VjcmV0LnZhbHVlCiAgICB9IGNhdGNoIHsKICAgICAgJHN0YXR1cyA9ICdubyBhbnN3ZXInCiAgICAgIGlmICgkXy5FeGNlcHRpb24uUmVzcG9uc2UpIHsgJHN0YXR1cyA9IFtpbnRdICRfLkV4Y2VwdGlvbi5SZXNwb25zZS5TdGF0dXNDb2RlIH0KICAgICAgaWYgKChHZXQtRGF0ZSkgLWdlICRkZWFkbGluZSkgewogICAgICAgIHRocm93ICJLZXkgVmF1bHQgc2VjcmV0ICROYW1lIHN0aWxsIHVucmVhZGFibGUgYWZ0ZXIgJFNlY3JldFdhaXRTZWNvbmRzIHMgKGxhc3Q6ICRzdGF0dXMpIgogICAgICB9CiAgICAgIFdyaXRlLU91dHB1dCAiS2V5IFZhdWx0IHNlY3JldCAkTmFtZSBub3QgcmVhZGFibGUgeWV0ICgkc3RhdHVzKTsgcmV0cnlpbmcgaW4gJGRlbGF5IHMiCiAgICAgIFN0YXJ0LVNsZWVwIC1TZWNvbmRzICRkZWxheQogICAgICAkZGVsYXkgPSBbTWF0aF06Ok1pbigkZGVsYXkgKiAyLCA2MCkKICAgIH0KICB9Cn0KCiMgMC4gVGhlIGFkbWluIHBhc3N3b3JkIGZyb20gdGhlIHZhdWx0IHJlcGxhY2VzIHRoZSBib290c3RyYXAgb25lIHRoZSBWTSB3YXMgY3JlYXRlZCB3aXRoIChpbgojIFRlcnJhZm9ybSBzdGF0ZSwgc2luY2UgQXp1cmUgdGFrZXMgbm8gd3JpdGUtb25seSBWTSBwYXNzd29yZCk6IGZyb20gaGVyZSBvbiB0aGUgdmFsdWUgaW4gc3RhdGUKIyBvcGVucyBub3RoaW5nLiBSRFAgYW5kIHRoZSBhdXRvbG9nb24gYmVsb3cgdXNlIHRoZSB2YXVsdCdzLgokYWRtaW5QYXNzd29yZCA9IFJlYWQtVmF1bHRTZWNyZXQgJEFkbWluUGFzc3dvcmRTZWNyZXQKU2V0LUxvY2FsVXNlciAtTmFtZSAkQWRtaW5Vc2VyIC1QYXNzd29yZCAoQ29udmVydFRvLVNlY3VyZVN0cmluZyAkYWRtaW5QYXNzd29yZCAtQXNQbGFpblRleHQgLUZvcmNlKQoKIyAxLiBPQlMgaXRzZWxmOiBhIHByZS1idWlsdCBtaXhlciBpbWFnZSBhbHJlYWR5IGhhcyBpdCAoYWJvdXQgMyBtaW51dGVzIHRvIHJlYWR5LCBub3QgMTApLgokb2JzUm9vdCA9ICdDOlxQcm9ncmFtIEZpbGVzXG9icy1zdHVkaW8nCiRvYnMgPSBKb2luLVBhdGggJG9ic1Jvb3QgJ2Jpblw2NGJpdFxvYnM2NC5leGUnCmlmICgtbm90IChUZXN0LVBhdGggJG9icykpIHsKICAkaW5zdGFsbGVyID0gSm9pbi1QYXRoICRlbnY6VEVNUCAnb2JzLWluc3RhbGxlci5leGUnCiAgSW52b2tlLVdlYlJlcXVlc3QgLVVyaSAkT2JzSW5zdGFsbGVyVXJsIC1PdXRGaWxlICRpbnN0YWxsZXIgLVVzZUJhc2ljUGFyc2luZwogICRwID0gU3RhcnQtUHJvY2VzcyAtRmlsZVBhdGggJGluc3RhbGxlciAtQXJndW1lbnRMaXN0ICcvUycgLVdhaXQgLVBhc3NUaHJ1CiAgaWYgKCRwLkV4aXRDb2RlIC1uZSAwKSB7IHRocm93ICJPQlMgaW5zdGFsbGVyIGV4aXRlZCB3aXRoICQoJHAuRXhpdENvZGUpIiB9Cn0KCiMgMi4gUG9ydGFibGUgbW9kZTogT0JTIHJlYWRzIDxpbnN0YWxsPlxjb25maWdcb2JzLXN0dWRpbyB3aG9ldmVyIHJ1bnMgaXQsIHNvIHRoZSBmaWxlcyBleGlzdAojIGJlZm9yZSB0aGUgYWRtaW4gdXNlcidzIHByb2ZpbGUgZm9sZGVyIGRvZXMgKGl0IGlzIGNyZWF0ZWQgYXQgZmlyc3QgbG9nb24sIG1heWJlIHJlbmFtZWQpLgokY29uZmlnID0gSm9pbi1QYXRoICRvYnNSb290ICdjb25maWdcb2JzLXN0dWRpbycKTmV3LUl0ZW0gLUl0ZW1UeXBlIERpcmVjdG9yeSAtRm9yY2UgLVBhdGggJGNvbmZpZyB8IE91dC1OdWxsClNldC1Db250ZW50IC1QYXRoIChKb2luLVBhdGggJG9ic1Jvb3QgJ3BvcnRhYmxlX21vZGUudHh0JykgLVZhbHVlICcnIC1FbmNvZGluZyBBU0NJSQokc3RyZWFtS2V5ID0gUmVhZC1WYXVsdFNlY3JldCAkU3RyZWFtS2V5U2VjcmV0CiRwYXNzcGhyYXNlID0gUmVhZC1WYXVsdFNlY3JldCAkUGFzc3BocmFzZVNlY3JldAokdXRmOCA9IE5ldy1PYmplY3QgVGV4dC5VVEY4RW5jb2RpbmcgJGZhbHNlCmZvcmVhY2ggKCRlbnRyeSBpbiAkRmlsZXMuR2V0RW51bWVyYXRvcigpKSB7CiAgJHBhdGggPSBKb2luLVBhdGggJGNvbmZpZyAoJGVudHJ5LktleSAtcmVwbGFjZSAnLycsICdcJykKICBOZXctSXRlbSAtSXRlbVR5cGUgRGlyZWN0b3J5IC1Gb3JjZSAtUGF0aCAoU3BsaXQtUGF0aCAkcGF0aCkgfCBPdXQtTnVsbAogICR0ZXh0ID0gKERlY29kZSAkZW50cnkuVmFsdWUpLlJlcGxhY2UoJFNsb3RQYXNzcGhyYXNlLCAkcGFzc3BocmFzZSkuUmVwbGFjZSgkU2xvdFN0cmVhbUtleSwgJHN0cmVhbUtleSkKICBbSU8uRmlsZV06OldyaXRlQWxsVGV4dCgkcGF0aCwgJHRleHQsICR1dGY4KQp9CiMgT25seSB0aGUgdXNlciB0aGF0IHJ1bnMgT0JTIGFuZCBTWVNURU0gbWF5IHJlYWQgdGhlIGNvbmZpZyAoc3RyZWFtIGtleSwgcGFzc3BocmFzZSwgbG9ncykuCmljYWNscyAkY29uZmlnIC9pbmhlcml0YW5jZTpyIC9ncmFudDpyICIke0FkbWluVXNlcn06KE9JKShDSSlNIiAnU1lTVEVNOihPSSkoQ0kpRicgfCBPdXQtTnVsbAoKIyAzLiBUaGUgcmVsYXkgYW5kIHRoZSBzcGxpdHRlciBwdXNoIHRvIE9CUydzIFNSVCBsaXN0ZW5lcnMuCk5ldy1OZXRGaXJld2FsbFJ1bGUgLURpc3BsYXlOYW1lICdzdHJlYW0tY29udHJvbCBTUlQgaW5wdXRzJyAtRGlyZWN0aW9uIEluYm91bmQgLVByb3RvY29sIFVEUCBgCiAgLUxvY2FsUG9ydCAkU3J0UG9ydHMgLVByb2dyYW0gJG9icyAtQWN0aW9uIEFsbG93IC1FcnJvckFjdGlvbiBTaWxlbnRseUNvbnRpbnVlIHwgT3V0LU51bGwKCiMgNC4gT0JTIG5lZWRzIGFuIGludGVyYWN0aXZlIGRlc2t0b3A6IGxvZyB0aGUgYWRtaW4gb24gYXQgYm9vdC4gVGhlIHBhc3N3b3JkIGdvZXMgaW50byB0aGUgTFNBCiMgc2VjcmV0ICJEZWZhdWx0UGFzc3dvcmQiICh3aGF0IFN5c2ludGVybmFscyBBdXRvbG9nb24gZG9lcyksIG5ldmVyIGludG8gdGhlIFdpbmxvZ29uIGtleS4KQWRkLVR5cGUgLVR5cGVEZWZpbml0aW9uIEAnCnVzaW5nIFN5c3RlbTsKdXNpbmcgU3lzdGVtLlJ1bnRpbWUuSW50ZXJvcFNlcnZpY2VzOwpwdWJsaWMgc3RhdGljIGNsYXNzIFN0cmVhbUNvbnRyb2xMc2EgewogIFtTdHJ1Y3RMYXlvdXQoTGF5b3V0S2luZC5TZXF1ZW50aWFsKV0gc3RydWN0IFVTdHIgeyBwdWJsaWMgdXNob3J0IExlbmd0aDsgcHVibGljIHVzaG9ydCBNYXhpbXVtTGVuZ3RoOyBwdWJsaWMgSW50UHRyIEJ1ZmZlcjsgfQogIFtTdHJ1Y3RMYXlvdXQoTGF5b3V0S2luZC5TZXF1ZW50aWFsKV0gc3RydWN0IEF0dHJzIHsgcHVibGljIGludCBMZW5ndGg7IHB1YmxpYyBJbnRQdHIgUm9vdDsgcHVibGljIEludFB0ciBOYW1lOyBwdWJsaWMgdWludCBBdHRyaWJ1dGVzOyBwdWJsaWMgSW50UHRyIFNkOyBwdWJsaWMgSW50UHRyIFFvczsgfQogIFtEbGxJbXBvcnQoImFkdmFwaTMyLmRsbCIpXSBzdGF0aWMgZXh0ZXJuIHVpbnQgTHNhT3BlblBvbGljeShJbnRQdHIgc3lzdGVtLCByZWYgQXR0cnMgYXR0cnMsIHVpbnQgYWNjZXNzLCBvdXQgSW50UHRyIGhhbmRsZSk7CiAgW0RsbEltcG9ydCgiYWR2YXBpMzIuZGxsIildIHN0YXRpYyBleHRlcm4gdWludCBMc2FTdG9yZVByaXZhdGVEYXRhKEludFB0ciBoYW5kbGUsIHJlZiBVU3RyIGtleSwgcmVmIFVTdHIgZGF0YSk7CiAgW0RsbEltcG9ydCgiYWR2YXBpMzIuZGxsIildIHN0YXRpYyBleHRlcm4gdWludCBMc2FDbG9zZShJbnRQdHIgaGFuZGxlKTsKICBbRGxsSW1wb3J0KCJhZHZhcGkzMi5kbGwiKV0gc3RhdGljIGV4dGVybiBpbnQgTHNhTnRTdGF0dXNUb1dpbkVycm9yKHVpbnQgc3RhdHVzKTsKICBzdGF0aWMgVVN0ciBTdHIoc3RyaW5nIHMpIHsKICAgIFVTdHIgdSA9IG5ldyBVU3RyKCk7IHUuQnVmZmVyID0gTWFyc2hhbC5TdHJpbmdUb0hHbG9iYWxVbmkocyk7CiAgICB1Lkxlbmd0aCA9ICh1c2hvcnQpKHMuTGVuZ3RoICogMik7IHUuTWF4aW11bUxlbmd0aCA9ICh1c2hvcnQpKHMuTGVuZ3RoICogMiArIDIpOyByZXR1cm4gdTsKICB9CiAgcHVibGljIHN0YXRpYyB2b2lkIFN0b3JlKHN0cmluZyBrZXksIHN0cmluZyB2YWx1ZSkgewogICAgQXR0cnMgYSA9IG5ldyBBdHRycygpOyBhLkxlbmd0aCA9IE1hcnNoYWwuU2l6ZU9mKHR5cGVvZihBdHRycykpOwogICAgSW50UHRyIHBvbGljeTsKICAgIHVpbnQgc3QgPSBMc2FPcGVuUG9saWN5KEludFB0ci5aZXJvLCByZWYgYSwgMHgwMDBGMEZGRiwgb3V0IHBvbGljeSk7CiAgICBpZiAoc3QgIT0gMCkgdGhyb3cgbmV3IFN5c3RlbS5Db21wb25lbnRNb2RlbC5XaW4zMkV4Y2VwdGlvbihMc2FOdFN0YXR1c1RvV2luRXJyb3Ioc3QpKTsKICAgIFVTdHIgayA9IFN0cihrZXkpOyBVU3RyIGQgPSBTdHIodmFsdWUpOwogICAgdHJ5IHsKICAgICAgc3QgPSBMc2FTdG9yZVByaXZhdGVEYXRhKHBvbGljeSwgcmVmIGssIHJlZiBkKTsKICAgICAgaWYgKHN0ICE9IDApIHRocm93IG5ldyBTeXN0ZW0uQ29tcG9uZW50TW9kZWwuV2luMzJFeGNlcHRpb24oTHNhTnRTdGF0dXNUb1dpbkVycm9yKHN0KSk7CiAgICB9IGZpbmFsbHkgeyBNYXJzaGFsLkZyZWVIR2xvYmFsKGsuQnVmZmVyKTsgTWFyc2hhbC5GcmVlSEdsb2JhbChkLkJ1ZmZlcik7IExzYUNsb3NlKHBvbGljeSk7IH0KICB9Cn0KJ0AKW1N0cmVhbUNvbnRyb2xMc2FdOjpTdG9yZSgnRGVmYXVsdFBhc3N3b3JkJywgJGFkbWluUGFzc3dvcmQpCiR3aW5sb2dvbiA9ICdIS0xNOlxTT0ZUV0FSRVxNaWNyb3NvZnRcV2luZG93cyBOVFxDdXJyZW50VmVyc2lvblxXaW5sb2dvbicKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgQXV0b0FkbWluTG9nb24gLVZhbHVlICcxJwpTZXQtSXRlbVByb3BlcnR5ICR3aW5sb2dvbiAtTmFtZSBEZWZhdWx0VXNlck5hbWUgLVZhbHVlICRBZG1pblVzZXIKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgRGVmYXVsdERvbWFpbk5hbWUgLVZhbHVlICRlbnY6Q09NUFVURVJOQU1FClJlbW92ZS1JdGVtUHJvcGVydHkgJHdpbmxvZ29uIC1OYW1lIERlZmF1bHRQYXNzd29yZCAtRXJyb3JBY3Rpb24gU2lsZW50bHlDb250aW51ZQoKIyA1LiBPQlMgc3RhcnRzIGluIHRoYXQgdXNlcidzIGludGVyYWN0aXZlIHNlc3Npb246IHRoZSB0YXNrJ3MgcHJpbmNpcGFsIGlzIHRoZSB1c2VyIGl0c2VsZgojIChhIHRhc2sgcmVnaXN0ZXJlZCB3aXRob3V0IG9uZSBydW5zIGFzIFNZU1RFTSBpbiBzZXNzaW9uIDAsIHdpdGggbm8gZGVza3RvcCkuCiRhY3Rpb24gPSBOZXctU2NoZWR1bGVkVGFza0FjdGlvbiAtRXhlY3V0ZSAkb2JzIC1Xb3JraW5nRGlyZWN0b3J5IChTcGxpdC1QYXRoICRvYnMpIC1Bcmd1bWVudCAkT2JzQXJndW1lbnRzCiR0cmlnZ2VyID0gTmV3LVNjaGVkdWxlZFRhc2tUcmlnZ2VyIC1BdExvZ09uIC1Vc2VyICRBZG1pblVzZXIKJHByaW5jaXBhbCA9IE5ldy1TY2hlZHVsZWRUYXNrUHJpbmNpcGFsIC1Vc2VySWQgJEFkbWluVXNlciAtTG9nb25UeXBlIEludGVyYWN0aXZlIC1SdW5MZXZlbCBIaWdoZXN0CiRzZXR0aW5ncyA9IE5ldy1TY2hlZHVsZWRUYXNrU2V0dGluZ3NTZXQgLUV4ZWN1dGlvblRpbWVMaW1pdCAoW1RpbWVTcGFuXTo6WmVybykgLVJlc3RhcnRDb3VudCA5OTkgYAogIC1SZXN0YXJ0SW50ZXJ2YWwgKE5ldy1UaW1lU3BhbiAtTWludXRlcyAxKSAtQWxsb3dTdGFydElmT25CYXR0ZXJpZXMgLURvbnRTdG9wSWZHb2luZ09uQmF0dGVyaWVzClJlZ2lzdGVyLVNjaGVkdWxlZFRhc2sgLVRhc2tOYW1lICdzdHJlYW0tY29udHJvbC1vYnMnIC1BY3Rpb24gJGFjdGlvbiAtVHJpZ2dlciAkdHJpZ2dlciBgCiAgLVByaW5jaXBhbCAkcHJpbmNpcGFsIC1TZXR0aW5ncyAkc2V0dGluZ3MgLUZvcmNlIHwgT3V0LU51bGwKCiMgNi4gVGhlIGF1dG9sb2dvbiBuZWVkcyBhIHJlc3RhcnQuIE5ldmVyIGluc2lkZSB0aGUgZXh0ZW5zaW9uIChNaWNyb3NvZnQ6IHRoZSBleHRlbnNpb24gZG9lcyBub3QKIyBjb250aW51ZSBhZnRlciBpdCk6IGEgb25lLXRpbWUgdGFzayByZXN0YXJ0cyBhIG1pbnV0ZSBhZnRlciB0aGlzIHNjcmlwdCBoYXMgcmVwb3J0ZWQgc3VjY2Vzcy4KJHJlYm9vdCA9IE5ldy1TY2hlZHVsZWRUYXNrQWN0aW9uIC1FeGVjdXRlICdzaHV0ZG93bi5leGUnIC1Bcmd1bWVudCAnL3IgL3QgMCAvYyAic3RyZWFtLWNvbnRyb2w6IGxvZyBvbiBhbmQgc3RhcnQgT0JTIicKJG9uY2UgPSBOZXctU2NoZWR1bGVkVGFza1RyaWdnZXIgLU9uY2UgLUF0IChHZXQtRGF0ZSkuQWRkTWludXRlcygxKQokc3lzdGVtID0gTmV3LVNjaGVkdWxlZFRhc2tQcmluY2lwYWwgLVVzZXJJZCAnU1lTVEVNJyAtTG9nb25UeXBlIFNlcnZpY2VBY2NvdW50IC1SdW5MZXZlbCBIaWdoZXN0ClJlZ2lzdGVyLVNjaGVkdWxlZFRhc2sgLVRhc2tOYW1lICdzdHJlYW0tY29udHJvbC1maXJzdC1sb2dvbicgLUFjdGlvbiAkcmVib290IC1UcmlnZ2VyICRvbmNlIGAKICAtUHJpbmNpcGFsICRzeXN0ZW0gLUZvcmNlIHwgT3V0LU51bGwKV3JpdGUtT3V0cHV0ICdPQlMgY29uZmlndXJlZDsgcmVzdGFydGluZyBpbiBvbmUgbWludXRlIHRvIGxvZyBvbiBhbmQgc3RhcnQgc3RyZWFtaW5nJwo="
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
  identity {
    identity_ids = [
      "${azurerm_user_assigned_identity.secrets_reader_EC3A405D.id}"
    ]
    type = "UserAssigned"
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
  protected_settings         = jsonencode({ "commandToExecute" = join("", ["powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ", textencodebase64(join("", ["New-Item -ItemType Directory -Force C:/stream-control | Out-Null; ", "Copy-Item C:/AzureData/CustomData.bin C:/stream-control/configure-obs.ps1 -Force; ", ". C:/stream-control/configure-obs.ps1 -AdminUser streamadmin -VaultUrl ", azurerm_key_vault.secrets_vault_97F902B8.vault_uri, " -ClientId ", azurerm_user_assigned_identity.secrets_reader_EC3A405D.client_id, " -PassphraseSecret srt-passphrase -StreamKeySecret youtube-key-spanish", " -AdminPasswordSecret mixer-admin-password"]), "UTF-16LE")]) })
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
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_reader-policy_DC08FC70",
    "azurerm_key_vault_secret.secrets_passphrase_7DF849CD",
    "azurerm_key_vault_secret.secrets_stream-key-original_FD24FF13",
    "azurerm_key_vault_secret.secrets_stream-key-spanish_9AD22FC1",
    "azurerm_key_vault_secret.secrets_stream-key-french_6D6C7411",
    "azurerm_key_vault_secret.secrets_status-token_B5E4C444",
    "azurerm_key_vault_secret.secrets_mixer-admin-password_7B0F3573",
  ]
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
  admin_password            = random_password.mixer-bootstrap-password.result
  admin_username            = "streamadmin"
  automatic_updates_enabled = false
  computer_name             = "mx03-french"
  custom_data               = "IyBTZXRzIHVwIE9CUyBTdHVkaW8gb24gYSBsYW5ndWFnZSBtaXhlciwgdW5hdHRlbmRlZC4gUnVucyBvbmNlIGZyb20gdGhlIFZNJ3MgQ3VzdG9tIFNjcmlwdAojIEV4dGVuc2lvbiwgYXMgTG9jYWxTeXN0ZW0uIEl0IGRlY2lkZXMgbm90aGluZyBhYm91dCB0aGUgc3RyZWFtOiB0aGUgZmlsZXMgaXQgd3JpdGVzIGFyZQojIHJlbmRlcmVkIGluIFR5cGVTY3JpcHQgKGxpYi9taXhlci1vYnMudHMpIGFuZCBhcnJpdmUgaW4gdGhlIGdlbmVyYXRlZCBibG9jayBiZWxvdzsgdGhpcyBzY3JpcHQKIyBvbmx5IGZpbGxzIHRoZWlyIHNlY3JldCBzbG90cywgd3JpdGVzIHRoZW0sIGFuZCBhcnJhbmdlcyBPQlMncyBzdGFydC11cC4KIyBUaGUgYWRtaW4gcGFzc3dvcmQsIHRoZSBzdHJlYW0ga2V5IGFuZCB0aGUgU1JUIHBhc3NwaHJhc2UgYXJlIHJlYWQgaGVyZSBmcm9tIHRoZSBldmVudCdzIEtleQojIFZhdWx0IHdpdGggdGhlIFZNJ3MgInNlY3JldHMgcmVhZGVyIiBpZGVudGl0eSwgc28gdGhleSBhcmUgaW4gbm8gZXh0ZW5zaW9uIHNldHRpbmcgYW5kIG5vCiMgVGVycmFmb3JtIHN0YXRlOyBvbmx5IHRoZSB2YXVsdCwgdGhlIGlkZW50aXR5IGFuZCB0aGUgc2VjcmV0IG5hbWVzIGFycml2ZSBhcyBwYXJhbWV0ZXJzLgojIFRoZSBwYXNzd29yZCB0aGUgVk0gd2FzIGNyZWF0ZWQgd2l0aCBpcyBhIGJvb3RzdHJhcCBvbmUgaW4gc3RhdGU6IHN0ZXAgMCByZXBsYWNlcyBpdCB3aXRoIHRoZQojIHZhdWx0J3MgYmVmb3JlIGFueXRoaW5nIGVsc2UuIE5vdGhpbmcgaGVyZSBwcmludHMgYSBzZWNyZXQuCnBhcmFtKAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJEFkbWluVXNlciwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRWYXVsdFVybCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRDbGllbnRJZCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRQYXNzcGhyYXNlU2VjcmV0LAogIFtQYXJhbWV0ZXIoTWFuZGF0b3J5KV0gW3N0cmluZ10gJFN0cmVhbUtleVNlY3JldCwKICBbUGFyYW1ldGVyKE1hbmRhdG9yeSldIFtzdHJpbmddICRBZG1pblBhc3N3b3JkU2VjcmV0LAogICMgSU1EUywgd2hlcmUgYSBWTSdzIG1hbmFnZWQgaWRlbnRpdHkgZ2V0cyBpdHMgdG9rZW5zLgogIFtzdHJpbmddICRJbWRzRW5kcG9pbnQgPSAnaHR0cDovLzE2OS4yNTQuMTY5LjI1NCcsCiAgIyBUaGUgaWRlbnRpdHkgYW5kIGl0cyBhY2Nlc3MgcG9saWN5IGFyZSBuZXcgYXQgZmlyc3QgYm9vdDogS2V5IFZhdWx0IG1heSBhbnN3ZXIgNDAzIChvciBJTURTCiAgIyA0MDAsIGlkZW50aXR5IG5vdCBmb3VuZCB5ZXQpIGZvciBhIGZldyBtaW51dGVzLiBSZXRyeSB3aXRoIGJhY2tvZmYgdGhpcyBsb25nLCB0aGVuIGZhaWwuCiAgW2ludF0gJFNlY3JldFdhaXRTZWNvbmRzID0gOTAwLAogIFtzdHJpbmddICRPYnNJbnN0YWxsZXJVcmwgPSAnaHR0cHM6Ly9jZG4tZmFzdGx5Lm9ic3Byb2plY3QuY29tL2Rvd25sb2Fkcy9PQlMtU3R1ZGlvLTMxLjAuMi1XaW5kb3dzLUluc3RhbGxlci5leGUnCikKJEVycm9yQWN0aW9uUHJlZmVyZW5jZSA9ICdTdG9wJwojIFdpbmRvd3MgUG93ZXJTaGVsbCA1LjEgZG93bmxvYWRzIG1hbnkgdGltZXMgc2xvd2VyIHdoaWxlIGl0IGRyYXdzIGEgcHJvZ3Jlc3MgYmFyLgokUHJvZ3Jlc3NQcmVmZXJlbmNlID0gJ1NpbGVudGx5Q29udGludWUnCmZ1bmN0aW9uIERlY29kZShbc3RyaW5nXSAkYjY0KSB7IFtUZXh0LkVuY29kaW5nXTo6VVRGOC5HZXRTdHJpbmcoW0NvbnZlcnRdOjpGcm9tQmFzZTY0U3RyaW5nKCRiNjQpKSB9CgokRmlsZXMgPSBbb3JkZXJlZF1AewogICdnbG9iYWwuaW5pJyA9ICdXMGRsYm1WeVlXeGRDa1pwY25OMFVuVnVQWFJ5ZFdVS1JXNWhZbXhsUVhWMGIxVndaR0YwWlhNOVptRnNjMlVLJwogICdiYXNpYy9wcm9maWxlcy9mcmVuY2gvYmFzaWMuaW5pJyA9ICdXMGRsYm1WeVlXeGRDazVoYldVOVpuSmxibU5vQ2dwYlQzVjBjSFYwWFFwTmIyUmxQVUZrZG1GdVkyVmtDZ3BiUVdSMlQzVjBYUXBGYm1OdlpHVnlQVzlpYzE5NE1qWTBDa0Z3Y0d4NVUyVnlkbWxqWlZObGRIUnBibWR6UFdaaGJITmxDbFJ5WVdOclNXNWtaWGc5TVFwVWNtRmphekZDYVhSeVlYUmxQVEV5T0FvS1cxWnBaR1Z2WFFwQ1lYTmxRMWc5TVRreU1BcENZWE5sUTFrOU1UQTRNQXBQZFhSd2RYUkRXRDB4T1RJd0NrOTFkSEIxZEVOWlBURXdPREFLUmxCVFZIbHdaVDB3Q2taUVUwTnZiVzF2Ymowek1BcERiMnh2Y2tadmNtMWhkRDFPVmpFeUNncGJRWFZrYVc5ZENsTmhiWEJzWlZKaGRHVTlORGd3TURBS1EyaGhibTVsYkZObGRIVndQVk4wWlhKbGJ3bz0nCiAgJ2Jhc2ljL3Byb2ZpbGVzL2ZyZW5jaC9zdHJlYW1FbmNvZGVyLmpzb24nID0gJ2V5SnlZWFJsWDJOdmJuUnliMndpT2lKRFFsSWlMQ0ppYVhSeVlYUmxJam8yTURBd0xDSnJaWGxwYm5SZmMyVmpJam95TENKd2NtVnpaWFFpT2lKMlpYSjVabUZ6ZENJc0luQnliMlpwYkdVaU9pSm9hV2RvSWl3aWRIVnVaU0k2SWlKOUNnPT0nCiAgJ2Jhc2ljL3Byb2ZpbGVzL2ZyZW5jaC9zZXJ2aWNlLmpzb24nID0gJ2V5SjBlWEJsSWpvaWNuUnRjRjlqZFhOMGIyMGlMQ0p6WlhSMGFXNW5jeUk2ZXlKelpYSjJaWElpT2lKeWRHMXdjem92TDJFdWNuUnRjSE11ZVc5MWRIVmlaUzVqYjIwNk5EUXpMMnhwZG1VeUlpd2lhMlY1SWpvaVFFQlRWRkpGUVUxZlMwVlpRRUFpTENKMWMyVmZZWFYwYUNJNlptRnNjMlVzSW1KM2RHVnpkQ0k2Wm1Gc2MyVjlmUW89JwogICdiYXNpYy9zY2VuZXMvZnJlbmNoLmpzb24nID0gJ2V3b2dJbTVoYldVaU9pQWlabkpsYm1Ob0lpd0tJQ0pqZFhKeVpXNTBYM05qWlc1bElqb2dJa3hwZG1VaUxBb2dJbU4xY25KbGJuUmZjSEp2WjNKaGJWOXpZMlZ1WlNJNklDSk1hWFpsSWl3S0lDSnpZMlZ1WlY5dmNtUmxjaUk2SUZzS0lDQjdDaUFnSUNKdVlXMWxJam9nSWt4cGRtVWlDaUFnZlFvZ1hTd0tJQ0p6YjNWeVkyVnpJam9nV3dvZ0lIc0tJQ0FnSW1sa0lqb2dJbVptYlhCbFoxOXpiM1Z5WTJVaUxBb2dJQ0FpZG1WeWMybHZibVZrWDJsa0lqb2dJbVptYlhCbFoxOXpiM1Z5WTJVaUxBb2dJQ0FpYm1GdFpTSTZJQ0pRY205bmNtRnRJaXdLSUNBZ0luTmxkSFJwYm1keklqb2dld29nSUNBZ0ltbHpYMnh2WTJGc1gyWnBiR1VpT2lCbVlXeHpaU3dLSUNBZ0lDSnBibkIxZENJNklDSnpjblE2THk4d0xqQXVNQzR3T2pFd01EQXhQMjF2WkdVOWJHbHpkR1Z1WlhJbWJHRjBaVzVqZVQweU1EQXdNREFtY0dGemMzQm9jbUZ6WlQxQVFGTlNWRjlRUVZOVFVFaFNRVk5GUUVBaUxBb2dJQ0FnSW1sdWNIVjBYMlp2Y20xaGRDSTZJQ0p0Y0dWbmRITWlMQW9nSUNBZ0luSmxZMjl1Ym1WamRGOWtaV3hoZVY5elpXTWlPaUF4TEFvZ0lDQWdJbkpsYzNSaGNuUmZiMjVmWVdOMGFYWmhkR1VpT2lCbVlXeHpaU3dLSUNBZ0lDSmpiRzl6WlY5M2FHVnVYMmx1WVdOMGFYWmxJam9nWm1Gc2MyVXNDaUFnSUNBaVkyeGxZWEpmYjI1ZmJXVmthV0ZmWlc1a0lqb2dabUZzYzJVc0NpQWdJQ0FpWW5WbVptVnlhVzVuWDIxaUlqb2dNU3dLSUNBZ0lDSm9kMTlrWldOdlpHVWlPaUJtWVd4elpTd0tJQ0FnSUNKc2IyZGZZMmhoYm1kbGN5STZJR1poYkhObENpQWdJSDBLSUNCOUxBb2dJSHNLSUNBZ0ltbGtJam9nSW1abWJYQmxaMTl6YjNWeVkyVWlMQW9nSUNBaWRtVnljMmx2Ym1Wa1gybGtJam9nSW1abWJYQmxaMTl6YjNWeVkyVWlMQW9nSUNBaWJtRnRaU0k2SUNKVGJHbGtaWE1pTEFvZ0lDQWljMlYwZEdsdVozTWlPaUI3Q2lBZ0lDQWlhWE5mYkc5allXeGZabWxzWlNJNklHWmhiSE5sTEFvZ0lDQWdJbWx1Y0hWMElqb2dJbk55ZERvdkx6QXVNQzR3TGpBNk1UQXdNREkvYlc5a1pUMXNhWE4wWlc1bGNpWnNZWFJsYm1ONVBUSXdNREF3TUNad1lYTnpjR2h5WVhObFBVQkFVMUpVWDFCQlUxTlFTRkpCVTBWQVFDSXNDaUFnSUNBaWFXNXdkWFJmWm05eWJXRjBJam9nSW0xd1pXZDBjeUlzQ2lBZ0lDQWljbVZqYjI1dVpXTjBYMlJsYkdGNVgzTmxZeUk2SURFc0NpQWdJQ0FpY21WemRHRnlkRjl2Ymw5aFkzUnBkbUYwWlNJNklHWmhiSE5sTEFvZ0lDQWdJbU5zYjNObFgzZG9aVzVmYVc1aFkzUnBkbVVpT2lCbVlXeHpaU3dLSUNBZ0lDSmpiR1ZoY2w5dmJsOXRaV1JwWVY5bGJtUWlPaUJtWVd4elpTd0tJQ0FnSUNKaWRXWm1aWEpwYm1kZmJXSWlPaUF4TEFvZ0lDQWdJbWgzWDJSbFkyOWtaU0k2SUdaaGJITmxMQW9nSUNBZ0lteHZaMTlqYUdGdVoyVnpJam9nWm1Gc2MyVUtJQ0FnZlFvZ0lIMHNDaUFnZXdvZ0lDQWlhV1FpT2lBaWMyTmxibVVpTEFvZ0lDQWlkbVZ5YzJsdmJtVmtYMmxrSWpvZ0luTmpaVzVsSWl3S0lDQWdJbTVoYldVaU9pQWlUR2wyWlNJc0NpQWdJQ0p6WlhSMGFXNW5jeUk2SUhzS0lDQWdJQ0pwWkY5amIzVnVkR1Z5SWpvZ01pd0tJQ0FnSUNKcGRHVnRjeUk2SUZzS0lDQWdJQ0I3Q2lBZ0lDQWdJQ0pwWkNJNklERXNDaUFnSUNBZ0lDSnVZVzFsSWpvZ0lsQnliMmR5WVcwaUxBb2dJQ0FnSUNBaWRtbHphV0pzWlNJNklIUnlkV1VzQ2lBZ0lDQWdJQ0pzYjJOclpXUWlPaUIwY25WbExBb2dJQ0FnSUNBaWNtOTBJam9nTUN3S0lDQWdJQ0FnSW5CdmN5STZJSHNLSUNBZ0lDQWdJQ0o0SWpvZ01Dd0tJQ0FnSUNBZ0lDSjVJam9nTUFvZ0lDQWdJQ0I5TEFvZ0lDQWdJQ0FpYzJOaGJHVWlPaUI3Q2lBZ0lDQWdJQ0FpZUNJNklERXNDaUFnSUNBZ0lDQWllU0k2SURFS0lDQWdJQ0FnZlN3S0lDQWdJQ0FnSW1Gc2FXZHVJam9nTlN3S0lDQWdJQ0FnSW1KdmRXNWtjMTkwZVhCbElqb2dNaXdLSUNBZ0lDQWdJbUp2ZFc1a2MxOWhiR2xuYmlJNklEQXNDaUFnSUNBZ0lDSmliM1Z1WkhNaU9pQjdDaUFnSUNBZ0lDQWllQ0k2SURFNU1qQXNDaUFnSUNBZ0lDQWllU0k2SURFd09EQUtJQ0FnSUNBZ2ZRb2dJQ0FnSUgwc0NpQWdJQ0FnZXdvZ0lDQWdJQ0FpYVdRaU9pQXlMQW9nSUNBZ0lDQWlibUZ0WlNJNklDSlRiR2xrWlhNaUxBb2dJQ0FnSUNBaWRtbHphV0pzWlNJNklIUnlkV1VzQ2lBZ0lDQWdJQ0pzYjJOclpXUWlPaUIwY25WbExBb2dJQ0FnSUNBaWNtOTBJam9nTUN3S0lDQWdJQ0FnSW5CdmN5STZJSHNLSUNBZ0lDQWdJQ0o0SWpvZ01USTRNQ3dLSUNBZ0lDQWdJQ0o1SWpvZ056SXdDaUFnSUNBZ0lIMHNDaUFnSUNBZ0lDSnpZMkZzWlNJNklIc0tJQ0FnSUNBZ0lDSjRJam9nTVN3S0lDQWdJQ0FnSUNKNUlqb2dNUW9nSUNBZ0lDQjlMQW9nSUNBZ0lDQWlZV3hwWjI0aU9pQTFMQW9nSUNBZ0lDQWlZbTkxYm1SelgzUjVjR1VpT2lBeUxBb2dJQ0FnSUNBaVltOTFibVJ6WDJGc2FXZHVJam9nTUN3S0lDQWdJQ0FnSW1KdmRXNWtjeUk2SUhzS0lDQWdJQ0FnSUNKNElqb2dOalF3TEFvZ0lDQWdJQ0FnSW5raU9pQXpOakFLSUNBZ0lDQWdmUW9nSUNBZ0lIMEtJQ0FnSUYwS0lDQWdmUW9nSUgwS0lGMEtmUW89Jwp9CiRTbG90UGFzc3BocmFzZSA9ICdAQFNSVF9QQVNTUEhSQVNFQEAnCiRTbG90U3RyZWFtS2V5ID0gJ0BAU1RSRUFNX0tFWUBAJwokT2JzQXJndW1lbnRzID0gJy0tcG9ydGFibGUgLS1kaXNhYmxlLXVwZGF0ZXIgLS1wcm9maWxlIGZyZW5jaCAtLWNvbGxlY3Rpb24gZnJlbmNoIC0tc2NlbmUgTGl2ZSAtLXN0YXJ0c3RyZWFtaW5nIC0tZGlzYWJsZS1zaHV0ZG93bi1jaGVjaycKJFNydFBvcnRzID0gQCgxMDAwMSwgMTAwMDIpCiRLZXlWYXVsdFJlc291cmNlID0gJ2h0dHBzOi8vdmF1bHQuYXp1cmUubmV0JwokS2V5VmF1bHRBcGlWZXJzaW9uID0gJzcuNCcKCiMgT25lIHNlY3JldCdzIHZhbHVlOiBhIHRva2VuIGZvciB0aGUgcmVhZGVyIGlkZW50aXR5IGZyb20gSU1EUywgdGhlbiB0aGUgdmF1bHQncyBzZWNyZXQuIEVhY2gKIyBmYWlsdXJlIGlzIGxvZ2dlZCB3aXRoIHRoZSBzZWNyZXQncyBuYW1lIGFuZCB0aGUgSFRUUCBzdGF0dXMsIG5ldmVyIGEgdmFsdWUgb3IgYSB0b2tlbi4KZnVuY3Rpb24gUmVhZC1WYXVsdFNlY3JldChbc3RyaW5nXSAkTmFtZSkgewogICR0b2tlblVyaSA9ICIkSW1kc0VuZHBvaW50L21ldGFkYXRhL2lkZW50aXR5L29hdXRoMi90b2tlbj9hcGktdmVyc2lvbj0yMDE4LTAyLTAxIiArCiAgICAiJnJlc291cmNlPSQoW3VyaV06OkVzY2FwZURhdGFTdHJpbmcoJEtleVZhdWx0UmVzb3VyY2UpKSZjbGllbnRfaWQ9JENsaWVudElkIgogICRzZWNyZXRVcmkgPSAiJCgkVmF1bHRVcmwuVHJpbUVuZCgnLycpKS9zZWNyZXRzLyR7TmFtZX0/YXBpLXZlcnNpb249JEtleVZhdWx0QXBpVmVyc2lvbiIKICAkZGVhZGxpbmUgPSAoR2V0LURhdGUpLkFkZFNlY29uZHMoJFNlY3JldFdhaXRTZWNvbmRzKQogICRkZWxheSA9IDIKICB3aGlsZSAoJHRydWUpIHsKICAgIHRyeSB7CiAgICAgICR0b2tlbiA9IChJbnZva2UtUmVzdE1ldGhvZCAtVXJpICR0b2tlblVyaSAtSGVhZGVycyBAeyBNZXRhZGF0YSA9ICd0cnVlJyB9IC1Vc2VCYXNpY1BhcnNpbmcgLVRpbWVvdXRTZWMgMjApLmFjY2Vzc190b2tlbgogICAgICAkc2VjcmV0ID0gSW52b2tlLVJlc3RNZXRob2QgLVVyaSAkc2VjcmV0VXJpIC1IZWFkZXJzIEB7IEF1dGhvcml6YXRpb24gPSAiQmVhcmVyICR0b2tlbiIgfSAtVXNlQmFzaWNQYXJzaW5nIC1UaW1lb3V0U2VjIDIwCiAgICAgIHJldHVybiBbc3RyaW5nXSAkc2VjcmV0LnZhbHVlCiAgICB9IGNhdGNoIHsKICAgICAgJHN0YXR1cyA9ICdubyBhbnN3ZXInCiAgICAgIGlmICgkXy5FeGNlcHRpb24uUmVzcG9uc2UpIHsgJHN0YXR1cyA9IFtpbnRdICRfLkV4Y2VwdGlvbi5SZXNwb25zZS5TdGF0dXNDb2RlIH0KICAgICAgaWYgKChHZXQtRGF0ZSkgLWdlICRkZWFkbGluZSkgewogICAgICAgIHRocm93ICJLZXkgVmF1bHQgc2VjcmV0ICROYW1lIHN0aWxsIHVucmVhZGFibGUgYWZ0ZXIgJFNlY3JldFdhaXRTZWNvbmRzIHMgKGxhc3Q6ICRzdGF0dXMpIgogICAgICB9CiAgICAgIFdyaXRlLU91dHB1dCAiS2V5IFZhdWx0IHNlY3JldCAkTmFtZSBub3QgcmVhZGFibGUgeWV0ICgkc3RhdHVzKTsgcmV0cnlpbmcgaW4gJGRlbGF5IHMiCiAgICAgIFN0YXJ0LVNsZWVwIC1TZWNvbmRzICRkZWxheQogICAgICAkZGVsYXkgPSBbTWF0aF06Ok1pbigkZGVsYXkgKiAyLCA2MCkKICAgIH0KICB9Cn0KCiMgMC4gVGhlIGFkbWluIHBhc3N3b3JkIGZyb20gdGhlIHZhdWx0IHJlcGxhY2VzIHRoZSBib290c3RyYXAgb25lIHRoZSBWTSB3YXMgY3JlYXRlZCB3aXRoIChpbgojIFRlcnJhZm9ybSBzdGF0ZSwgc2luY2UgQXp1cmUgdGFrZXMgbm8gd3JpdGUtb25seSBWTSBwYXNzd29yZCk6IGZyb20gaGVyZSBvbiB0aGUgdmFsdWUgaW4gc3RhdGUKIyBvcGVucyBub3RoaW5nLiBSRFAgYW5kIHRoZSBhdXRvbG9nb24gYmVsb3cgdXNlIHRoZSB2YXVsdCdzLgokYWRtaW5QYXNzd29yZCA9IFJlYWQtVmF1bHRTZWNyZXQgJEFkbWluUGFzc3dvcmRTZWNyZXQKU2V0LUxvY2FsVXNlciAtTmFtZSAkQWRtaW5Vc2VyIC1QYXNzd29yZCAoQ29udmVydFRvLVNlY3VyZVN0cmluZyAkYWRtaW5QYXNzd29yZCAtQXNQbGFpblRleHQgLUZvcmNlKQoKIyAxLiBPQlMgaXRzZWxmOiBhIHByZS1idWlsdCBtaXhlciBpbWFnZSBhbHJlYWR5IGhhcyBpdCAoYWJvdXQgMyBtaW51dGVzIHRvIHJlYWR5LCBub3QgMTApLgokb2JzUm9vdCA9ICdDOlxQcm9ncmFtIEZpbGVzXG9icy1zdHVkaW8nCiRvYnMgPSBKb2luLVBhdGggJG9ic1Jvb3QgJ2Jpblw2NGJpdFxvYnM2NC5leGUnCmlmICgtbm90IChUZXN0LVBhdGggJG9icykpIHsKICAkaW5zdGFsbGVyID0gSm9pbi1QYXRoICRlbnY6VEVNUCAnb2JzLWluc3RhbGxlci5leGUnCiAgSW52b2tlLVdlYlJlcXVlc3QgLVVyaSAkT2JzSW5zdGFsbGVyVXJsIC1PdXRGaWxlICRpbnN0YWxsZXIgLVVzZUJhc2ljUGFyc2luZwogICRwID0gU3RhcnQtUHJvY2VzcyAtRmlsZVBhdGggJGluc3RhbGxlciAtQXJndW1lbnRMaXN0ICcvUycgLVdhaXQgLVBhc3NUaHJ1CiAgaWYgKCRwLkV4aXRDb2RlIC1uZSAwKSB7IHRocm93ICJPQlMgaW5zdGFsbGVyIGV4aXRlZCB3aXRoICQoJHAuRXhpdENvZGUpIiB9Cn0KCiMgMi4gUG9ydGFibGUgbW9kZTogT0JTIHJlYWRzIDxpbnN0YWxsPlxjb25maWdcb2JzLXN0dWRpbyB3aG9ldmVyIHJ1bnMgaXQsIHNvIHRoZSBmaWxlcyBleGlzdAojIGJlZm9yZSB0aGUgYWRtaW4gdXNlcidzIHByb2ZpbGUgZm9sZGVyIGRvZXMgKGl0IGlzIGNyZWF0ZWQgYXQgZmlyc3QgbG9nb24sIG1heWJlIHJlbmFtZWQpLgokY29uZmlnID0gSm9pbi1QYXRoICRvYnNSb290ICdjb25maWdcb2JzLXN0dWRpbycKTmV3LUl0ZW0gLUl0ZW1UeXBlIERpcmVjdG9yeSAtRm9yY2UgLVBhdGggJGNvbmZpZyB8IE91dC1OdWxsClNldC1Db250ZW50IC1QYXRoIChKb2luLVBhdGggJG9ic1Jvb3QgJ3BvcnRhYmxlX21vZGUudHh0JykgLVZhbHVlICcnIC1FbmNvZGluZyBBU0NJSQokc3RyZWFtS2V5ID0gUmVhZC1WYXVsdFNlY3JldCAkU3RyZWFtS2V5U2VjcmV0CiRwYXNzcGhyYXNlID0gUmVhZC1WYXVsdFNlY3JldCAkUGFzc3BocmFzZVNlY3JldAokdXRmOCA9IE5ldy1PYmplY3QgVGV4dC5VVEY4RW5jb2RpbmcgJGZhbHNlCmZvcmVhY2ggKCRlbnRyeSBpbiAkRmlsZXMuR2V0RW51bWVyYXRvcigpKSB7CiAgJHBhdGggPSBKb2luLVBhdGggJGNvbmZpZyAoJGVudHJ5LktleSAtcmVwbGFjZSAnLycsICdcJykKICBOZXctSXRlbSAtSXRlbVR5cGUgRGlyZWN0b3J5IC1Gb3JjZSAtUGF0aCAoU3BsaXQtUGF0aCAkcGF0aCkgfCBPdXQtTnVsbAogICR0ZXh0ID0gKERlY29kZSAkZW50cnkuVmFsdWUpLlJlcGxhY2UoJFNsb3RQYXNzcGhyYXNlLCAkcGFzc3BocmFzZSkuUmVwbGFjZSgkU2xvdFN0cmVhbUtleSwgJHN0cmVhbUtleSkKICBbSU8uRmlsZV06OldyaXRlQWxsVGV4dCgkcGF0aCwgJHRleHQsICR1dGY4KQp9CiMgT25seSB0aGUgdXNlciB0aGF0IHJ1bnMgT0JTIGFuZCBTWVNURU0gbWF5IHJlYWQgdGhlIGNvbmZpZyAoc3RyZWFtIGtleSwgcGFzc3BocmFzZSwgbG9ncykuCmljYWNscyAkY29uZmlnIC9pbmhlcml0YW5jZTpyIC9ncmFudDpyICIke0FkbWluVXNlcn06KE9JKShDSSlNIiAnU1lTVEVNOihPSSkoQ0kpRicgfCBPdXQtTnVsbAoKIyAzLiBUaGUgcmVsYXkgYW5kIHRoZSBzcGxpdHRlciBwdXNoIHRvIE9CUydzIFNSVCBsaXN0ZW5lcnMuCk5ldy1OZXRGaXJld2FsbFJ1bGUgLURpc3BsYXlOYW1lICdzdHJlYW0tY29udHJvbCBTUlQgaW5wdXRzJyAtRGlyZWN0aW9uIEluYm91bmQgLVByb3RvY29sIFVEUCBgCiAgLUxvY2FsUG9ydCAkU3J0UG9ydHMgLVByb2dyYW0gJG9icyAtQWN0aW9uIEFsbG93IC1FcnJvckFjdGlvbiBTaWxlbnRseUNvbnRpbnVlIHwgT3V0LU51bGwKCiMgNC4gT0JTIG5lZWRzIGFuIGludGVyYWN0aXZlIGRlc2t0b3A6IGxvZyB0aGUgYWRtaW4gb24gYXQgYm9vdC4gVGhlIHBhc3N3b3JkIGdvZXMgaW50byB0aGUgTFNBCiMgc2VjcmV0ICJEZWZhdWx0UGFzc3dvcmQiICh3aGF0IFN5c2ludGVybmFscyBBdXRvbG9nb24gZG9lcyksIG5ldmVyIGludG8gdGhlIFdpbmxvZ29uIGtleS4KQWRkLVR5cGUgLVR5cGVEZWZpbml0aW9uIEAnCnVzaW5nIFN5c3RlbTsKdXNpbmcgU3lzdGVtLlJ1bnRpbWUuSW50ZXJvcFNlcnZpY2VzOwpwdWJsaWMgc3RhdGljIGNsYXNzIFN0cmVhbUNvbnRyb2xMc2EgewogIFtTdHJ1Y3RMYXlvdXQoTGF5b3V0S2luZC5TZXF1ZW50aWFsKV0gc3RydWN0IFVTdHIgeyBwdWJsaWMgdXNob3J0IExlbmd0aDsgcHVibGljIHVzaG9ydCBNYXhpbXVtTGVuZ3RoOyBwdWJsaWMgSW50UHRyIEJ1ZmZlcjsgfQogIFtTdHJ1Y3RMYXlvdXQoTGF5b3V0S2luZC5TZXF1ZW50aWFsKV0gc3RydWN0IEF0dHJzIHsgcHVibGljIGludCBMZW5ndGg7IHB1YmxpYyBJbnRQdHIgUm9vdDsgcHVibGljIEludFB0ciBOYW1lOyBwdWJsaWMgdWludCBBdHRyaWJ1dGVzOyBwdWJsaWMgSW50UHRyIFNkOyBwdWJsaWMgSW50UHRyIFFvczsgfQogIFtEbGxJbXBvcnQoImFkdmFwaTMyLmRsbCIpXSBzdGF0aWMgZXh0ZXJuIHVpbnQgTHNhT3BlblBvbGljeShJbnRQdHIgc3lzdGVtLCByZWYgQXR0cnMgYXR0cnMsIHVpbnQgYWNjZXNzLCBvdXQgSW50UHRyIGhhbmRsZSk7CiAgW0RsbEltcG9ydCgiYWR2YXBpMzIuZGxsIildIHN0YXRpYyBleHRlcm4gdWludCBMc2FTdG9yZVByaXZhdGVEYXRhKEludFB0ciBoYW5kbGUsIHJlZiBVU3RyIGtleSwgcmVmIFVTdHIgZGF0YSk7CiAgW0RsbEltcG9ydCgiYWR2YXBpMzIuZGxsIildIHN0YXRpYyBleHRlcm4gdWludCBMc2FDbG9zZShJbnRQdHIgaGFuZGxlKTsKICBbRGxsSW1wb3J0KCJhZHZhcGkzMi5kbGwiKV0gc3RhdGljIGV4dGVybiBpbnQgTHNhTnRTdGF0dXNUb1dpbkVycm9yKHVpbnQgc3RhdHVzKTsKICBzdGF0aWMgVVN0ciBTdHIoc3RyaW5nIHMpIHsKICAgIFVTdHIgdSA9IG5ldyBVU3RyKCk7IHUuQnVmZmVyID0gTWFyc2hhbC5TdHJpbmdUb0hHbG9iYWxVbmkocyk7CiAgICB1Lkxlbmd0aCA9ICh1c2hvcnQpKHMuTGVuZ3RoICogMik7IHUuTWF4aW11bUxlbmd0aCA9ICh1c2hvcnQpKHMuTGVuZ3RoICogMiArIDIpOyByZXR1cm4gdTsKICB9CiAgcHVibGljIHN0YXRpYyB2b2lkIFN0b3JlKHN0cmluZyBrZXksIHN0cmluZyB2YWx1ZSkgewogICAgQXR0cnMgYSA9IG5ldyBBdHRycygpOyBhLkxlbmd0aCA9IE1hcnNoYWwuU2l6ZU9mKHR5cGVvZihBdHRycykpOwogICAgSW50UHRyIHBvbGljeTsKICAgIHVpbnQgc3QgPSBMc2FPcGVuUG9saWN5KEludFB0ci5aZXJvLCByZWYgYSwgMHgwMDBGMEZGRiwgb3V0IHBvbGljeSk7CiAgICBpZiAoc3QgIT0gMCkgdGhyb3cgbmV3IFN5c3RlbS5Db21wb25lbnRNb2RlbC5XaW4zMkV4Y2VwdGlvbihMc2FOdFN0YXR1c1RvV2luRXJyb3Ioc3QpKTsKICAgIFVTdHIgayA9IFN0cihrZXkpOyBVU3RyIGQgPSBTdHIodmFsdWUpOwogICAgdHJ5IHsKICAgICAgc3QgPSBMc2FTdG9yZVByaXZhdGVEYXRhKHBvbGljeSwgcmVmIGssIHJlZiBkKTsKICAgICAgaWYgKHN0ICE9IDApIHRocm93IG5ldyBTeXN0ZW0uQ29tcG9uZW50TW9kZWwuV2luMzJFeGNlcHRpb24oTHNhTnRTdGF0dXNUb1dpbkVycm9yKHN0KSk7CiAgICB9IGZpbmFsbHkgeyBNYXJzaGFsLkZyZWVIR2xvYmFsKGsuQnVmZmVyKTsgTWFyc2hhbC5GcmVlSEdsb2JhbChkLkJ1ZmZlcik7IExzYUNsb3NlKHBvbGljeSk7IH0KICB9Cn0KJ0AKW1N0cmVhbUNvbnRyb2xMc2FdOjpTdG9yZSgnRGVmYXVsdFBhc3N3b3JkJywgJGFkbWluUGFzc3dvcmQpCiR3aW5sb2dvbiA9ICdIS0xNOlxTT0ZUV0FSRVxNaWNyb3NvZnRcV2luZG93cyBOVFxDdXJyZW50VmVyc2lvblxXaW5sb2dvbicKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgQXV0b0FkbWluTG9nb24gLVZhbHVlICcxJwpTZXQtSXRlbVByb3BlcnR5ICR3aW5sb2dvbiAtTmFtZSBEZWZhdWx0VXNlck5hbWUgLVZhbHVlICRBZG1pblVzZXIKU2V0LUl0ZW1Qcm9wZXJ0eSAkd2lubG9nb24gLU5hbWUgRGVmYXVsdERvbWFpbk5hbWUgLVZhbHVlICRlbnY6Q09NUFVURVJOQU1FClJlbW92ZS1JdGVtUHJvcGVydHkgJHdpbmxvZ29uIC1OYW1lIERlZmF1bHRQYXNzd29yZCAtRXJyb3JBY3Rpb24gU2lsZW50bHlDb250aW51ZQoKIyA1LiBPQlMgc3RhcnRzIGluIHRoYXQgdXNlcidzIGludGVyYWN0aXZlIHNlc3Npb246IHRoZSB0YXNrJ3MgcHJpbmNpcGFsIGlzIHRoZSB1c2VyIGl0c2VsZgojIChhIHRhc2sgcmVnaXN0ZXJlZCB3aXRob3V0IG9uZSBydW5zIGFzIFNZU1RFTSBpbiBzZXNzaW9uIDAsIHdpdGggbm8gZGVza3RvcCkuCiRhY3Rpb24gPSBOZXctU2NoZWR1bGVkVGFza0FjdGlvbiAtRXhlY3V0ZSAkb2JzIC1Xb3JraW5nRGlyZWN0b3J5IChTcGxpdC1QYXRoICRvYnMpIC1Bcmd1bWVudCAkT2JzQXJndW1lbnRzCiR0cmlnZ2VyID0gTmV3LVNjaGVkdWxlZFRhc2tUcmlnZ2VyIC1BdExvZ09uIC1Vc2VyICRBZG1pblVzZXIKJHByaW5jaXBhbCA9IE5ldy1TY2hlZHVsZWRUYXNrUHJpbmNpcGFsIC1Vc2VySWQgJEFkbWluVXNlciAtTG9nb25UeXBlIEludGVyYWN0aXZlIC1SdW5MZXZlbCBIaWdoZXN0CiRzZXR0aW5ncyA9IE5ldy1TY2hlZHVsZWRUYXNrU2V0dGluZ3NTZXQgLUV4ZWN1dGlvblRpbWVMaW1pdCAoW1RpbWVTcGFuXTo6WmVybykgLVJlc3RhcnRDb3VudCA5OTkgYAogIC1SZXN0YXJ0SW50ZXJ2YWwgKE5ldy1UaW1lU3BhbiAtTWludXRlcyAxKSAtQWxsb3dTdGFydElmT25CYXR0ZXJpZXMgLURvbnRTdG9wSWZHb2luZ09uQmF0dGVyaWVzClJlZ2lzdGVyLVNjaGVkdWxlZFRhc2sgLVRhc2tOYW1lICdzdHJlYW0tY29udHJvbC1vYnMnIC1BY3Rpb24gJGFjdGlvbiAtVHJpZ2dlciAkdHJpZ2dlciBgCiAgLVByaW5jaXBhbCAkcHJpbmNpcGFsIC1TZXR0aW5ncyAkc2V0dGluZ3MgLUZvcmNlIHwgT3V0LU51bGwKCiMgNi4gVGhlIGF1dG9sb2dvbiBuZWVkcyBhIHJlc3RhcnQuIE5ldmVyIGluc2lkZSB0aGUgZXh0ZW5zaW9uIChNaWNyb3NvZnQ6IHRoZSBleHRlbnNpb24gZG9lcyBub3QKIyBjb250aW51ZSBhZnRlciBpdCk6IGEgb25lLXRpbWUgdGFzayByZXN0YXJ0cyBhIG1pbnV0ZSBhZnRlciB0aGlzIHNjcmlwdCBoYXMgcmVwb3J0ZWQgc3VjY2Vzcy4KJHJlYm9vdCA9IE5ldy1TY2hlZHVsZWRUYXNrQWN0aW9uIC1FeGVjdXRlICdzaHV0ZG93bi5leGUnIC1Bcmd1bWVudCAnL3IgL3QgMCAvYyAic3RyZWFtLWNvbnRyb2w6IGxvZyBvbiBhbmQgc3RhcnQgT0JTIicKJG9uY2UgPSBOZXctU2NoZWR1bGVkVGFza1RyaWdnZXIgLU9uY2UgLUF0IChHZXQtRGF0ZSkuQWRkTWludXRlcygxKQokc3lzdGVtID0gTmV3LVNjaGVkdWxlZFRhc2tQcmluY2lwYWwgLVVzZXJJZCAnU1lTVEVNJyAtTG9nb25UeXBlIFNlcnZpY2VBY2NvdW50IC1SdW5MZXZlbCBIaWdoZXN0ClJlZ2lzdGVyLVNjaGVkdWxlZFRhc2sgLVRhc2tOYW1lICdzdHJlYW0tY29udHJvbC1maXJzdC1sb2dvbicgLUFjdGlvbiAkcmVib290IC1UcmlnZ2VyICRvbmNlIGAKICAtUHJpbmNpcGFsICRzeXN0ZW0gLUZvcmNlIHwgT3V0LU51bGwKV3JpdGUtT3V0cHV0ICdPQlMgY29uZmlndXJlZDsgcmVzdGFydGluZyBpbiBvbmUgbWludXRlIHRvIGxvZyBvbiBhbmQgc3RhcnQgc3RyZWFtaW5nJwo="
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
  identity {
    identity_ids = [
      "${azurerm_user_assigned_identity.secrets_reader_EC3A405D.id}"
    ]
    type = "UserAssigned"
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
  protected_settings         = jsonencode({ "commandToExecute" = join("", ["powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ", textencodebase64(join("", ["New-Item -ItemType Directory -Force C:/stream-control | Out-Null; ", "Copy-Item C:/AzureData/CustomData.bin C:/stream-control/configure-obs.ps1 -Force; ", ". C:/stream-control/configure-obs.ps1 -AdminUser streamadmin -VaultUrl ", azurerm_key_vault.secrets_vault_97F902B8.vault_uri, " -ClientId ", azurerm_user_assigned_identity.secrets_reader_EC3A405D.client_id, " -PassphraseSecret srt-passphrase -StreamKeySecret youtube-key-french", " -AdminPasswordSecret mixer-admin-password"]), "UTF-16LE")]) })
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
  depends_on = [
    "azurerm_key_vault_access_policy.secrets_reader-policy_DC08FC70",
    "azurerm_key_vault_secret.secrets_passphrase_7DF849CD",
    "azurerm_key_vault_secret.secrets_stream-key-original_FD24FF13",
    "azurerm_key_vault_secret.secrets_stream-key-spanish_9AD22FC1",
    "azurerm_key_vault_secret.secrets_stream-key-french_6D6C7411",
    "azurerm_key_vault_secret.secrets_status-token_B5E4C444",
    "azurerm_key_vault_secret.secrets_mixer-admin-password_7B0F3573",
  ]
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
