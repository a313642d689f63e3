# Configures OBS Studio on a language mixer, unattended. Runs once from the VM's custom script
# extension, as SYSTEM. Secrets arrive base64-encoded in the extension's protected settings so
# no quoting in them can break out of this command line; nothing here prints them.
param(
  [Parameter(Mandatory)] [string] $Language,
  [Parameter(Mandatory)] [string] $ProgramUrl,
  [Parameter(Mandatory)] [string] $SlidesUrl,
  [Parameter(Mandatory)] [int] $LatencyMs,
  [Parameter(Mandatory)] [string] $AdminUser,
  [Parameter(Mandatory)] [string] $StreamKeyB64,
  [Parameter(Mandatory)] [string] $PassphraseB64,
  [Parameter(Mandatory)] [string] $AdminPasswordB64,
  [string] $ObsInstallerUrl = 'https://cdn-fastly.obsproject.com/downloads/OBS-Studio-31.0.2-Windows-Installer.exe'
)
$ErrorActionPreference = 'Stop'
function Decode([string] $b64) { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b64)) }
$streamKey = Decode $StreamKeyB64
$passphrase = Decode $PassphraseB64

# 1. OBS itself: a pre-built mixer image already has it (about 3 minutes to ready, not 10).
$obs = 'C:\Program Files\obs-studio\bin\64bit\obs64.exe'
if (-not (Test-Path $obs)) {
  $installer = Join-Path $env:TEMP 'obs-installer.exe'
  Invoke-WebRequest -Uri $ObsInstallerUrl -OutFile $installer -UseBasicParsing
  Start-Process -FilePath $installer -ArgumentList '/S' -Wait
}

# 2. Profile, service and scene collection under the admin user's profile.
$userHome = "C:\Users\$AdminUser"
$root = Join-Path $userHome 'AppData\Roaming\obs-studio\basic'
$profileDir = Join-Path $root "profiles\$Language"
$scenesDir = Join-Path $root 'scenes'
New-Item -ItemType Directory -Force -Path $profileDir, $scenesDir | Out-Null

# ffmpeg (inside OBS) takes SRT latency in microseconds; the relay takes milliseconds.
$srtQuery = "mode=caller&latency=$($LatencyMs * 1000)&pbkeylen=16&passphrase=$([Uri]::EscapeDataString($passphrase))"
function MediaSource([string] $name, [string] $url) {
  @{ id = 'ffmpeg_source'; versioned_id = 'ffmpeg_source'; name = $name; settings = @{
      is_local_file = $false; input = "$url`?$srtQuery"; input_format = 'mpegts'
      reconnect_delay_sec = 2; restart_on_activate = $false; close_when_inactive = $false
      buffering_mb = 2; hw_decode = $false } }
}
$scene = @{ id = 'scene'; versioned_id = 'scene'; name = 'Live'; settings = @{ items = @(
      @{ name = 'Program'; id = 1; visible = $true; pos = @{ x = 0; y = 0 }; scale = @{ x = 1.0; y = 1.0 } },
      @{ name = 'Slides'; id = 2; visible = $true; pos = @{ x = 1280; y = 720 }; scale = @{ x = 0.3333; y = 0.3333 } }
    ) } }
$collection = @{ name = $Language; current_scene = 'Live'; current_program_scene = 'Live'
  scene_order = @(@{ name = 'Live' }); sources = @((MediaSource 'Program' $ProgramUrl), (MediaSource 'Slides' $SlidesUrl), $scene) }
$collection | ConvertTo-Json -Depth 10 | Set-Content -Encoding UTF8 (Join-Path $scenesDir "$Language.json")

@{ type = 'rtmp_common'; settings = @{ service = 'YouTube - RTMPS'; server = 'rtmps://a.rtmps.youtube.com:443/live2'; key = $streamKey } } |
  ConvertTo-Json | Set-Content -Encoding UTF8 (Join-Path $profileDir 'service.json')
@"
[General]
Name=$Language
[Output]
Mode=Simple
[SimpleOutput]
VBitrate=6000
ABitrate=160
Preset=veryfast
[Video]
BaseCX=1920
BaseCY=1080
OutputCX=1920
OutputCY=1080
FPSCommon=30
"@ | Set-Content -Encoding UTF8 (Join-Path $profileDir 'basic.ini')
# Only the admin user and SYSTEM may read the files that hold the key and passphrase.
icacls $profileDir /inheritance:r /grant:r "${AdminUser}:(OI)(CI)F" 'SYSTEM:(OI)(CI)F' | Out-Null
icacls $scenesDir /inheritance:r /grant:r "${AdminUser}:(OI)(CI)F" 'SYSTEM:(OI)(CI)F' | Out-Null

# 3. OBS needs an interactive desktop: log the admin on at boot and start streaming at logon.
$winlogon = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
Set-ItemProperty $winlogon -Name AutoAdminLogon -Value '1'
Set-ItemProperty $winlogon -Name DefaultUserName -Value $AdminUser
Set-ItemProperty $winlogon -Name DefaultPassword -Value (Decode $AdminPasswordB64)
$action = New-ScheduledTaskAction -Execute $obs -WorkingDirectory (Split-Path $obs) `
  -Argument "--profile $Language --collection $Language --scene Live --startstreaming --disable-shutdown-check"
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $AdminUser
Register-ScheduledTask -TaskName 'stream-control-obs' -Action $action -Trigger $trigger -RunLevel Highest -Force | Out-Null

Write-Output "OBS configured for $Language; restarting to log on and start streaming"
shutdown.exe /r /t 5 /c 'stream-control: start OBS'
