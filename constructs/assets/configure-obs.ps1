# Sets up OBS Studio on a language mixer, unattended. Runs once from the VM's Custom Script
# Extension, as LocalSystem. It decides nothing about the stream: the files it writes are
# rendered in TypeScript (lib/mixer-obs.ts) and arrive in the generated block below; this script
# only fills their secret slots, writes them, and arranges OBS's start-up.
# The admin password, the stream key and the SRT passphrase are read here from the event's Key
# Vault with the VM's "secrets reader" identity, so they are in no extension setting and no
# Terraform state; only the vault, the identity and the secret names arrive as parameters.
# The password the VM was created with is a bootstrap one in state: step 0 replaces it with the
# vault's before anything else. Nothing here prints a secret.
param(
  [Parameter(Mandatory)] [string] $AdminUser,
  [Parameter(Mandatory)] [string] $VaultUrl,
  [Parameter(Mandatory)] [string] $ClientId,
  [Parameter(Mandatory)] [string] $PassphraseSecret,
  [Parameter(Mandatory)] [string] $StreamKeySecret,
  [Parameter(Mandatory)] [string] $AdminPasswordSecret,
  # IMDS, where a VM's managed identity gets its tokens.
  [string] $ImdsEndpoint = 'http://169.254.169.254',
  # The identity and its access policy are new at first boot: Key Vault may answer 403 (or IMDS
  # 400, identity not found yet) for a few minutes. Retry with backoff this long, then fail.
  [int] $SecretWaitSeconds = 900,
  [string] $ObsInstallerUrl = 'https://cdn-fastly.obsproject.com/downloads/OBS-Studio-31.0.2-Windows-Installer.exe'
)
$ErrorActionPreference = 'Stop'
# Windows PowerShell 5.1 downloads many times slower while it draws a progress bar.
$ProgressPreference = 'SilentlyContinue'
function Decode([string] $b64) { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b64)) }

# @@GENERATED@@

# One secret's value: a token for the reader identity from IMDS, then the vault's secret. Each
# failure is logged with the secret's name and the HTTP status, never a value or a token.
function Read-VaultSecret([string] $Name) {
  $tokenUri = "$ImdsEndpoint/metadata/identity/oauth2/token?api-version=2018-02-01" +
    "&resource=$([uri]::EscapeDataString($KeyVaultResource))&client_id=$ClientId"
  $secretUri = "$($VaultUrl.TrimEnd('/'))/secrets/${Name}?api-version=$KeyVaultApiVersion"
  $deadline = (Get-Date).AddSeconds($SecretWaitSeconds)
  $delay = 2
  while ($true) {
    try {
      $token = (Invoke-RestMethod -Uri $tokenUri -Headers @{ Metadata = 'true' } -UseBasicParsing -TimeoutSec 20).access_token
      $secret = Invoke-RestMethod -Uri $secretUri -Headers @{ Authorization = "Bearer $token" } -UseBasicParsing -TimeoutSec 20
      return [string] $secret.value
    } catch {
      $status = 'no answer'
      if ($_.Exception.Response) { $status = [int] $_.Exception.Response.StatusCode }
      if ((Get-Date) -ge $deadline) {
        throw "Key Vault secret $Name still unreadable after $SecretWaitSeconds s (last: $status)"
      }
      Write-Output "Key Vault secret $Name not readable yet ($status); retrying in $delay s"
      Start-Sleep -Seconds $delay
      $delay = [Math]::Min($delay * 2, 60)
    }
  }
}

# 0. The admin password from the vault replaces the bootstrap one the VM was created with (in
# Terraform state, since Azure takes no write-only VM password): from here on the value in state
# opens nothing. RDP and the autologon below use the vault's.
$adminPassword = Read-VaultSecret $AdminPasswordSecret
Set-LocalUser -Name $AdminUser -Password (ConvertTo-SecureString $adminPassword -AsPlainText -Force)

# 1. OBS itself: a pre-built mixer image already has it (about 3 minutes to ready, not 10).
$obsRoot = 'C:\Program Files\obs-studio'
$obs = Join-Path $obsRoot 'bin\64bit\obs64.exe'
if (-not (Test-Path $obs)) {
  $installer = Join-Path $env:TEMP 'obs-installer.exe'
  Invoke-WebRequest -Uri $ObsInstallerUrl -OutFile $installer -UseBasicParsing
  $p = Start-Process -FilePath $installer -ArgumentList '/S' -Wait -PassThru
  if ($p.ExitCode -ne 0) { throw "OBS installer exited with $($p.ExitCode)" }
}

# 2. Portable mode: OBS reads <install>\config\obs-studio whoever runs it, so the files exist
# before the admin user's profile folder does (it is created at first logon, maybe renamed).
$config = Join-Path $obsRoot 'config\obs-studio'
New-Item -ItemType Directory -Force -Path $config | Out-Null
Set-Content -Path (Join-Path $obsRoot 'portable_mode.txt') -Value '' -Encoding ASCII
$streamKey = Read-VaultSecret $StreamKeySecret
$passphrase = Read-VaultSecret $PassphraseSecret
$utf8 = New-Object Text.UTF8Encoding $false
foreach ($entry in $Files.GetEnumerator()) {
  $path = Join-Path $config ($entry.Key -replace '/', '\')
  New-Item -ItemType Directory -Force -Path (Split-Path $path) | Out-Null
  $text = (Decode $entry.Value).Replace($SlotPassphrase, $passphrase).Replace($SlotStreamKey, $streamKey)
  [IO.File]::WriteAllText($path, $text, $utf8)
}
# Only the user that runs OBS and SYSTEM may read the config (stream key, passphrase, logs).
icacls $config /inheritance:r /grant:r "${AdminUser}:(OI)(CI)M" 'SYSTEM:(OI)(CI)F' | Out-Null

# 3. The relay and the splitter push to OBS's SRT listeners.
New-NetFirewallRule -DisplayName 'stream-control SRT inputs' -Direction Inbound -Protocol UDP `
  -LocalPort $SrtPorts -Program $obs -Action Allow -ErrorAction SilentlyContinue | Out-Null

# 4. OBS needs an interactive desktop: log the admin on at boot. The password goes into the LSA
# secret "DefaultPassword" (what Sysinternals Autologon does), never into the Winlogon key.
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class StreamControlLsa {
  [StructLayout(LayoutKind.Sequential)] struct UStr { public ushort Length; public ushort MaximumLength; public IntPtr Buffer; }
  [StructLayout(LayoutKind.Sequential)] struct Attrs { public int Length; public IntPtr Root; public IntPtr Name; public uint Attributes; public IntPtr Sd; public IntPtr Qos; }
  [DllImport("advapi32.dll")] static extern uint LsaOpenPolicy(IntPtr system, ref Attrs attrs, uint access, out IntPtr handle);
  [DllImport("advapi32.dll")] static extern uint LsaStorePrivateData(IntPtr handle, ref UStr key, ref UStr data);
  [DllImport("advapi32.dll")] static extern uint LsaClose(IntPtr handle);
  [DllImport("advapi32.dll")] static extern int LsaNtStatusToWinError(uint status);
  static UStr Str(string s) {
    UStr u = new UStr(); u.Buffer = Marshal.StringToHGlobalUni(s);
    u.Length = (ushort)(s.Length * 2); u.MaximumLength = (ushort)(s.Length * 2 + 2); return u;
  }
  public static void Store(string key, string value) {
    Attrs a = new Attrs(); a.Length = Marshal.SizeOf(typeof(Attrs));
    IntPtr policy;
    uint st = LsaOpenPolicy(IntPtr.Zero, ref a, 0x000F0FFF, out policy);
    if (st != 0) throw new System.ComponentModel.Win32Exception(LsaNtStatusToWinError(st));
    UStr k = Str(key); UStr d = Str(value);
    try {
      st = LsaStorePrivateData(policy, ref k, ref d);
      if (st != 0) throw new System.ComponentModel.Win32Exception(LsaNtStatusToWinError(st));
    } finally { Marshal.FreeHGlobal(k.Buffer); Marshal.FreeHGlobal(d.Buffer); LsaClose(policy); }
  }
}
'@
[StreamControlLsa]::Store('DefaultPassword', $adminPassword)
$winlogon = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
Set-ItemProperty $winlogon -Name AutoAdminLogon -Value '1'
Set-ItemProperty $winlogon -Name DefaultUserName -Value $AdminUser
Set-ItemProperty $winlogon -Name DefaultDomainName -Value $env:COMPUTERNAME
Remove-ItemProperty $winlogon -Name DefaultPassword -ErrorAction SilentlyContinue

# 5. OBS starts in that user's interactive session: the task's principal is the user itself
# (a task registered without one runs as SYSTEM in session 0, with no desktop).
$action = New-ScheduledTaskAction -Execute $obs -WorkingDirectory (Split-Path $obs) -Argument $ObsArguments
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $AdminUser
$principal = New-ScheduledTaskPrincipal -UserId $AdminUser -LogonType Interactive -RunLevel Highest
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 999 `
  -RestartInterval (New-TimeSpan -Minutes 1) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
Register-ScheduledTask -TaskName 'stream-control-obs' -Action $action -Trigger $trigger `
  -Principal $principal -Settings $settings -Force | Out-Null

# 6. The autologon needs a restart. Never inside the extension (Microsoft: the extension does not
# continue after it): a one-time task restarts a minute after this script has reported success.
$reboot = New-ScheduledTaskAction -Execute 'shutdown.exe' -Argument '/r /t 0 /c "stream-control: log on and start OBS"'
$once = New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(1)
$system = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
Register-ScheduledTask -TaskName 'stream-control-first-logon' -Action $reboot -Trigger $once `
  -Principal $system -Force | Out-Null
Write-Output 'OBS configured; restarting in one minute to log on and start streaming'
